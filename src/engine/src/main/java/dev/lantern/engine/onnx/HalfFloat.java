package dev.lantern.engine.onnx;

/** IEEE 754 binary16 conversions; Java 17 has no Float.float16ToFloat. */
public final class HalfFloat {
    private HalfFloat() {
    }

    public static float toFloat(short half) {
        int h = half & 0xffff;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1f;
        int mantissa = h & 0x3ff;
        if (exponent == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float value = mantissa * 0x1p-24f; // subnormal: mantissa × 2^-24
            return sign == 0 ? value : -value;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** Round-to-nearest-even conversion. */
    public static short fromFloat(float value) {
        int bits = Float.floatToRawIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int abs = bits & 0x7fffffff;
        if (abs >= 0x7f800000) {
            return (short) (sign | 0x7c00 | (abs > 0x7f800000 ? 0x200 : 0));
        }
        if (abs >= 0x477ff000) { // rounds to >= 65520: overflow to infinity
            return (short) (sign | 0x7c00);
        }
        if (abs < 0x38800000) { // below the smallest normal half: subnormal or zero
            int shift = 126 - (abs >>> 23);
            if (shift > 24) {
                return (short) sign;
            }
            int mantissa = (abs & 0x7fffff) | 0x800000;
            return (short) (sign | roundShift(mantissa, shift));
        }
        int rebased = abs - (112 << 23);
        return (short) (sign | roundShift(rebased, 13));
    }

    private static int roundShift(int value, int shift) {
        int half = 1 << (shift - 1);
        int remainder = value & ((1 << shift) - 1);
        int result = value >>> shift;
        if (remainder > half || (remainder == half && (result & 1) == 1)) {
            result++;
        }
        return result;
    }
}
