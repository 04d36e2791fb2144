package com.callvault.api.calls;

import java.util.Locale;

/** The wire form of the call enums: lower-kebab ({@code NO_ANSWER} is {@code no-answer}), as events and frames spell them. */
final class WireNames {

    private WireNames() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static <E extends Enum<E>> E parse(Class<E> type, String wireName) {
        if (wireName == null) {
            throw new IllegalArgumentException("no " + type.getSimpleName() + " given");
        }
        try {
            return Enum.valueOf(type, wireName.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown " + type.getSimpleName() + ": " + wireName, e);
        }
    }
}
