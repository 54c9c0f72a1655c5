package dev.lantern.bench.documents;

import java.util.Random;

/** Seeded pseudo-English: paragraphs of sentences of common words, of varied lengths, like real documents. */
final class SyntheticText {

    private static final String[] WORDS = ("the harbour ferry leaves pier night island timetable weather crane "
            + "berth quay cargo shift manager report storage engine kernel module python list dictionary value "
            + "function returns memory process thread lock queue scheduler task file system driver device network "
            + "packet buffer index search document chunk model token vector server request response error cache "
            + "user account password policy window light keeper lantern bridge river oak granite meadow orchard "
            + "bakery bread village market square fountain winter spring summer autumn morning evening").split(" ");

    private SyntheticText() {
    }

    static String sentence(Random random) {
        int words = 6 + random.nextInt(18);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String word = WORDS[random.nextInt(WORDS.length)];
            s.append(i == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
            s.append(i == words - 1 ? ". " : " ");
        }
        return s.toString();
    }

    static String document(Random random, int paragraphs) {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < paragraphs; p++) {
            int sentences = 1 + random.nextInt(8);
            for (int i = 0; i < sentences; i++) {
                text.append(sentence(random));
            }
            text.append("\n\n");
        }
        return text.toString();
    }
}
