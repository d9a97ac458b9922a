package dev.troubleticket.benchmarks;

import dev.troubleticket.benchmarks.LoopbackServer.Answer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * A paged list of {@code total} numbered items, served after Kosc's {@code after} cursor (the
 * {@code sort_value} of the last item received): the page after item {@code n} starts at {@code n + 1}.
 * Pages may be kept once built, for a feed served many times over.
 */
public final class NumberedPages implements LoopbackServer.Responder {
    private final String path;
    private final long total;
    private final String sizeParameter;
    private final BiFunction<Long, Integer, byte[]> render;
    private final Map<Long, byte[]> kept;

    /**
     * @param path          the list's path
     * @param total         how many items there are
     * @param sizeParameter the query parameter giving the page size
     * @param render        builds the JSON array of {@code count} items from number {@code first}
     * @param keepPages     whether to keep each page once rendered (fast, but holds them all in memory)
     */
    public NumberedPages(String path, long total, String sizeParameter, BiFunction<Long, Integer, byte[]> render, boolean keepPages) {
        this.path = path;
        this.total = total;
        this.sizeParameter = sizeParameter;
        this.render = render;
        this.kept = keepPages ? new ConcurrentHashMap<>() : null;
    }

    @Override
    public Answer answer(String method, String requestPath, String query, byte[] body) {
        if (!method.equals("GET") || !requestPath.equals(path)) {
            return Answer.json(404, "{\"detail\":\"Not found.\"}".getBytes());
        }
        String after = QueryString.get(query, "after");
        long first = after == null ? 0 : Long.parseLong(after) + 1;
        String size = QueryString.get(query, sizeParameter);
        int count = (int) Math.max(0, Math.min(size == null ? 100 : Integer.parseInt(size), total - first));
        byte[] page = kept == null ? render.apply(first, count) : kept.computeIfAbsent(first, f -> render.apply(f, count));
        return Answer.json(200, page);
    }
}
