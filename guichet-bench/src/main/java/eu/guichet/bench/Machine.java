package eu.guichet.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** What the figures were measured on: JVM, cores, memory, DuckDB version, load average. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        Runtime rt = Runtime.getRuntime();
        return "JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", "
                + rt.availableProcessors() + " cores, max heap " + (rt.maxMemory() >> 20) + " MB, physical memory "
                + physicalMemoryMb() + " MB, DuckDB " + duckDbVersion() + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch");
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (Exception e) {
            return String.format("%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    private static long physicalMemoryMb() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() >> 20;
        }
        return -1;
    }

    static String duckDbVersion() {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        } catch (Exception e) {
            return "unknown";
        }
    }
}
