package com.callvault.model.calls;

/** Which side of the call a participant is on. */
enum Party {
    CALLER,
    CALLEE
}
