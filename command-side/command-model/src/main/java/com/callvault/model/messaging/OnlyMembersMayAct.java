package com.callvault.model.messaging;

import static com.callvault.model.messaging.Violations.refuse;

import com.callvault.api.ErrorCode;
import com.callvault.api.identity.Address;
import java.util.List;

/** Only the members of a conversation may read, write or mark anything in it. */
final class OnlyMembersMayAct {

    private OnlyMembersMayAct() {
    }

    /** The member's index in the conversation. */
    static int check(List<String> members, Address who) {
        int index = members.indexOf(who.lowerCase());
        if (index < 0) {
            throw refuse(ErrorCode.NOT_A_MEMBER, who + " is not a member of this conversation");
        }
        return index;
    }
}
