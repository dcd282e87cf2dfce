package eu.guichet.dataplane.engine;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBScalarFunctionBuilder;

/** A {@link WorkSession} on one DuckDB connection; appenders write through a duplicate of it. */
final class DuckDbWorkSession implements WorkSession {

    private static final int FETCH = 65_536;
    private static final Pattern FUNCTION_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final DuckDBConnection connection;
    private final boolean owned;

    /** {@code owned}: whether closing the session closes the connection. */
    DuckDbWorkSession(DuckDBConnection connection, boolean owned) {
        this.connection = connection;
        this.owned = owned;
    }

    @Override
    public void execute(String sql) {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public long update(String sql) {
        try (Statement s = connection.createStatement()) {
            return s.executeLargeUpdate(sql);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public Optional<String> single(String sql) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void forEachRow(String sql, RowHandler handler) {
        try (Statement s = connection.createStatement()) {
            s.setFetchSize(FETCH);
            try (ResultSet rs = s.executeQuery(sql)) {
                RowHandler.Row row = new ResultSetRow(rs);
                while (rs.next()) {
                    handler.row(row);
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Synchronized: threads open their appenders one at a time, then write through them at once. */
    @Override
    public synchronized Appender append(String catalog, String table) {
        try {
            DuckDBConnection writer = (DuckDBConnection) connection.duplicate();
            try {
                DuckDBAppender appender = catalog.isEmpty()
                        ? writer.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)
                        : writer.createAppender(catalog, DuckDBConnection.DEFAULT_SCHEMA, table);
                return new DuckDbAppender(writer, appender);
            } catch (SQLException e) {
                writer.close();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void writeParquet(String selectSql, Path file) {
        execute("COPY (" + selectSql + ") TO '" + file.toAbsolutePath().toString().replace("'", "''")
                + "' (FORMAT parquet, COMPRESSION zstd)");
    }

    @Override
    public void function(String name, UnaryOperator<String> function) {
        if (!FUNCTION_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a function name: " + name);
        }
        // vectorised: one call per chunk of rows, the results handed back in one batch
        try (DuckDBScalarFunctionBuilder builder = DuckDBFunctions.scalarFunction()) {
            builder.withName(name).withParameter(DuckDBColumnType.VARCHAR).withReturnType(DuckDBColumnType.VARCHAR)
                    .withVectorizedFunction((input, output) -> {
                        DuckDBReadableVector values = input.vector(0);
                        String[] results = new String[Math.toIntExact(input.rowCount())];
                        for (int i = 0; i < results.length; i++) {
                            results[i] = values.isNull(i) ? null : function.apply(values.getString(i));
                        }
                        output.setStrings(0, results);
                    }).register(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The engine's failure without its message (which may quote a value). */
    static EngineException failure(SQLException e) {
        return new EngineException(e.getClass().getSimpleName(), e.getSQLState());
    }

    private record ResultSetRow(ResultSet rs) implements RowHandler.Row {

        @Override
        public String string(int column) {
            try {
                return rs.getString(column);
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        public long longValue(int column) {
            try {
                return rs.getLong(column);
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        public double doubleValue(int column) {
            try {
                return rs.getDouble(column);
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        public boolean isNull(int column) {
            try {
                return rs.getObject(column) == null;
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }

    private record DuckDbAppender(DuckDBConnection writer, DuckDBAppender appender) implements Appender {

        @Override
        public Appender row(Object... values) {
            try {
                appender.beginRow();
                for (Object v : values) {
                    if (v == null) {
                        appender.appendNull();
                    } else if (v instanceof String t) {
                        appender.append(t);
                    } else if (v instanceof Long l) {
                        appender.append(l.longValue());
                    } else if (v instanceof Integer i) {
                        appender.append(i.intValue());
                    } else if (v instanceof Double d) {
                        appender.append(d.doubleValue());
                    } else if (v instanceof Boolean b) {
                        appender.append(b.booleanValue());
                    } else if (v instanceof BigDecimal d) {
                        appender.append(d);
                    } else if (v instanceof LocalDate d) {
                        appender.append(d);
                    } else if (v instanceof LocalDateTime t) {
                        appender.append(t);
                    } else if (v instanceof LocalTime t) {
                        appender.append(t);
                    } else if (v instanceof Collection<?> list) {
                        appender.append(list);
                    } else {
                        throw new IllegalArgumentException("cannot append a " + v.getClass().getName());
                    }
                }
                appender.endRow();
                return this;
            } catch (SQLException e) {
                throw failure(e);
            }
        }

        @Override
        public void close() {
            try (DuckDBConnection w = writer; DuckDBAppender a = appender) {
                // closing the appender flushes its rows, then the duplicate connection closes
            } catch (SQLException e) {
                throw failure(e);
            }
        }
    }
}
