package dev.lantern.engine;

import java.util.List;

/**
 * One streamed token: the text it completes (possibly empty while a character or a possible stop string is
 * held back), its id, and its log-probability with alternatives when requested (else NaN and an empty list).
 */
public record TokenEvent(String text, int tokenId, float logprob, List<TokenLogProb> topAlternatives) {
}
