package dev.shop.workflow;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Mints task tokens: {@code <executionId>:<state>:<attempt>:<128 random bits>}. The readable part helps when
 * reading logs; the random part makes a token unguessable and unique. The engine finds an execution by the
 * whole token (the {@code task_token} column), never by parsing it.
 */
final class TaskTokens {

    private static final int RANDOM_BYTES = 16;

    private final SecureRandom random = new SecureRandom();

    String mint(String executionId, String stateName, int attempt) {
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return executionId + ":" + stateName + ":" + attempt + ":"
                + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
