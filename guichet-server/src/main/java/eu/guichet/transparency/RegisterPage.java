package eu.guichet.transparency;

import java.util.List;

/** One page of register entries, newest received first, and how many match in all. */
public record RegisterPage(List<RegisterEntry> entries, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }
}
