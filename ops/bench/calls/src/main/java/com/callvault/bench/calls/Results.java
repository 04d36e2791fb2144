package com.callvault.bench.calls;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The figures of one run (written to --out as JSON), the CPU split of each measured phase, and the steps that broke. */
final class Results {

    record Broken(String step, String error) {
    }

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, CpuMeter.Split> cpu = new LinkedHashMap<>();
    private final List<Broken> errors = new ArrayList<>();

    synchronized void put(String key, Object value) {
        values.put(key, value);
    }

    synchronized Object get(String key) {
        return values.get(key);
    }

    /** NaN when missing or not a number. */
    synchronized double number(String key) {
        return values.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    synchronized String text(String key) {
        Object value = values.get(key);
        return value == null ? null : value.toString();
    }

    synchronized void cpu(String phase, CpuMeter.Split split) {
        cpu.put(phase, split);
    }

    synchronized Map<String, CpuMeter.Split> cpu() {
        return new LinkedHashMap<>(cpu);
    }

    synchronized void error(String step, Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        errors.add(new Broken(step, error.toString()));
        values.put("error." + step, trace.toString());
    }

    synchronized List<Broken> errors() {
        return List.copyOf(errors);
    }

    synchronized Map<String, Object> asMap() {
        Map<String, Object> all = new LinkedHashMap<>(values);
        Map<String, Object> cpuMap = new LinkedHashMap<>();
        cpu.forEach((phase, s) -> cpuMap.put(phase, Map.of("seconds", s.seconds(), "target", s.app(), "postgres", s.postgres(),
            "generator", s.generator(), "other", s.other(), "idle", s.idle())));
        all.put("cpu", cpuMap);
        return all;
    }
}
