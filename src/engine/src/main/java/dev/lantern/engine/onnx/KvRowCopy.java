package dev.lantern.engine.onnx;

/**
 * One row of a rebuilt cache: take the last {@code realLength} positions of {@code sourceRow} in
 * {@code source} and place them right-aligned in the new row, left-padded with zeros.
 */
public record KvRowCopy(KvCache source, int sourceRow, int realLength) {
}
