package be.biodiversity.portal.content;

import java.util.List;
import java.util.Random;

/** Texts made of random pieces, for comparing a fast scan with the pattern it stands for. */
public final class RandomTexts {

    private RandomTexts() {
    }

    /** {@code count} pieces, each drawn from {@code pieces}, joined. */
    public static String of(Random random, List<String> pieces, int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append(pieces.get(random.nextInt(pieces.size())));
        }
        return text.toString();
    }
}
