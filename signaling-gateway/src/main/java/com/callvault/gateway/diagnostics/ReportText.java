package com.callvault.gateway.diagnostics;

import java.util.Locale;

/** A report as lines for a terminal: the verdict, then one line per check. */
final class ReportText {

    private ReportText() {
    }

    static String render(DiagnosticReport report) {
        StringBuilder text = new StringBuilder("CallVault diagnostics at ").append(report.generatedAt()).append(": ")
            .append(report.verdict().wireName().toUpperCase(Locale.ROOT)).append('\n');
        for (DiagnosticReport.Check check : report.checks()) {
            text.append(String.format(Locale.ROOT, "  %-5s %-19s %s%n", check.status().wireName(), check.name(), check.summary()));
        }
        return text.toString();
    }
}
