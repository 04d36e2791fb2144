package com.callvault.gateway.ice;

import java.util.List;

/** Which configured TURN URIs to hand out now ({@code TURN_URLS} less the servers known to be down). */
@FunctionalInterface
public interface TurnAvailability {

    /** Every URI: nothing is known to be down. */
    TurnAvailability ALL = configured -> configured;

    /** The URIs of {@code configured} to hand out; never empty when {@code configured} is not (all down: all of them). */
    List<IceUri> usable(List<IceUri> configured);
}
