package dev.lantern.engine;

import java.util.List;

/** A generated token's log-probability and the most likely alternatives at its position. */
public record ChosenToken(TokenLogProb token, List<TokenLogProb> topAlternatives) {
}
