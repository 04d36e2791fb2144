package com.callvault.gateway.push;

/** Where pushes are handed over to be sent later; never waits. Without VAPID keys it takes nothing. */
interface PushOutbox {

    /** False when the push was not taken (push disabled, or the queue is full). */
    boolean offer(PushIntent intent);
}
