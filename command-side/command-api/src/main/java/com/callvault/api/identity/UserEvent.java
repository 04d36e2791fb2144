package com.callvault.api.identity;

/**
 * Events of the {@code User} aggregate. Events are a stored contract: names, packages and field shapes
 * stay; a change of shape gets a {@code @Revision} and an upcaster. Fields are plain values.
 */
public sealed interface UserEvent permits UserRegistered, RoleGranted {

    /** The aggregate id as stored ({@code user:0x…}). */
    String userId();
}
