package com.callvault.gateway.settings;

/**
 * A setting the app cannot start with. The message names the environment variable and says what is wrong with it;
 * {@link InvalidSettingFailureAnalyzer} prints it at start-up instead of a stack trace.
 */
public class InvalidSettingException extends IllegalArgumentException {

    public InvalidSettingException(String message) {
        super(message);
    }
}
