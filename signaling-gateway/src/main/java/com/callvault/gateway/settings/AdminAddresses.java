package com.callvault.gateway.settings;

import com.callvault.api.identity.Address;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The addresses in {@code ADMIN_ADDRESSES}: they are granted the admin role when they sign in. */
public record AdminAddresses(Set<Address> addresses) {

    public static AdminAddresses parse(List<String> values) {
        return new AdminAddresses(values.stream().map(String::strip).filter(v -> !v.isEmpty()).map(v -> {
            try {
                return Address.of(v);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("ADMIN_ADDRESSES holds an invalid address '" + v + "': " + e.getMessage());
            }
        }).collect(Collectors.toUnmodifiableSet()));
    }

    public boolean contains(Address address) {
        return addresses.contains(address);
    }
}
