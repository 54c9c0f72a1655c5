package dev.lantern.engine.constraint;

import static dev.lantern.engine.constraint.Documents.accepts;
import static dev.lantern.engine.constraint.Documents.grammar;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The regular-expression subset agrees with java.util.regex's find() on the strings it is given. */
class RegexSubsetTest {
    @ParameterizedTest
    @CsvSource(delimiterString = " => ", value = {
            "^a{1,3}$ => a,aa,aaa,,aaaa,b",
            "^[a-c]{2}x?$ => ab,abx,cc,a,abxx,ad",
            "^(?:ab|c)+$ => ab,c,abcab,,a,abb",
            "^\\d{2,}-\\w+$ => 12-a_b,123-x,1-a,12-,12-é",
            "x[^0-9]y => xay,zzx-yzz,x1y,xy",
            "^[A-Za-z0-9_+-]{1,3}(?:\\.[a-z]{1,2}){0,2}$ => a.b,abc.de.f,abcd,a.b.c.d,a..b",
            "^\\u00e9+ => é,éé,e",
            "^.$ => a,é,😀,ab",
            "^[\\s]+$ =>  ,\t,a",
    })
    void agreesWithJavaRegex(String pattern, String samples) {
        Grammar g = grammar("{\"type\":\"string\",\"pattern\":" + Documents.JSON.valueToTree(pattern) + "}");
        java.util.regex.Pattern oracle = java.util.regex.Pattern.compile(pattern);
        for (String s : samples.split(",", -1)) {
            String doc = Documents.JSON.valueToTree(s).toString();
            assertEquals(oracle.matcher(s).find(), accepts(g, doc), pattern + " on '" + s + "'");
        }
    }
}
