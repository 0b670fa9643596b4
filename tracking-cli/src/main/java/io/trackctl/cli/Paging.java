package io.trackctl.cli;

import io.trackctl.core.model.Page;
import io.trackctl.core.model.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import picocli.CommandLine.Option;

/** {@code --page}, {@code --page-size} or {@code --all} for list commands. */
public final class Paging {

    @Option(names = "--page", paramLabel = "N", defaultValue = "1", description = "Page number (default 1).")
    int page = 1;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "20",
            description = "Items per page, 1 to 200 (default 20).")
    int pageSize = PageRequest.DEFAULT_SIZE;

    @Option(names = "--all", description = "Every item, all pages.")
    boolean all;

    /** The fetched items: one page, or every page with {@code --all}. */
    record Result<T>(List<T> items, Page<T> last, boolean all) {

        void print(Printer printer, Function<T, Map<String, Object>> view, List<String> columns) {
            List<Map<String, Object>> rows = items.stream().map(view).toList();
            if (all) {
                printer.list(rows, columns);
            } else {
                printer.page(rows, columns, last.page(), last.pageSize(), last.total());
            }
        }
    }

    <T> Result<T> fetch(Function<PageRequest, Page<T>> source) {
        if (!all) {
            Page<T> p = source.apply(PageRequest.of(page, pageSize));
            return new Result<>(p.items(), p, false);
        }
        List<T> items = new ArrayList<>();
        for (int n = 1; ; n++) {
            Page<T> p = source.apply(PageRequest.of(n, PageRequest.MAX_SIZE));
            items.addAll(p.items());
            if (p.items().isEmpty() || (long) n * p.pageSize() >= p.total()) {
                return new Result<>(items, p, true);
            }
        }
    }
}
