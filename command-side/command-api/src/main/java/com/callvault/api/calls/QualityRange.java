package com.callvault.api.calls;

/** The smallest, mean and largest value of one quality measure over a call's samples. */
public record QualityRange(double min, double avg, double max) {
}
