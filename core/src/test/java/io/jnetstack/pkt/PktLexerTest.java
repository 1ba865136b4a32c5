package io.jnetstack.pkt;

import static org.assertj.core.api.Assertions.assertThat;

import io.jnetstack.pkt.Token.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Longest-match tokenisation as in packetdrill's flex lexer. */
class PktLexerTest {

    private static List<String> kinds(String src) {
        return Lexer.tokenize(src).stream().map(t -> t.kind() + ":" + t.text()).toList();
    }

    @Test
    void timeWithEllipsisEndTime_splitsIntoFloatEllipsisFloat() {
        assertThat(kinds("1.00...6.00")).containsExactly("FLOAT:1.00", "ELLIPSIS:...", "FLOAT:6.00", "EOF:");
    }

    @Test
    void numbersHexWordsAndAddresses() {
        assertThat(kinds("-1 0x02 0x1g 0102 S. 192.0.2.1 .5 -0.25"))
                .containsExactly("INTEGER:-1", "HEX:0x02", "WORD:0x1g", "INTEGER:0102", "WORD:S", "PUNCT:.",
                        "IPV4:192.0.2.1", "FLOAT:.5", "FLOAT:-0.25", "EOF:");
    }

    @Test
    void sequenceRangeAndEncapsulation_arePunctuatedIntegers() {
        assertThat(kinds("1:1001(1000)!/udp(1 > 9811)")).containsExactly("INTEGER:1", "PUNCT::", "INTEGER:1001",
                "PUNCT:(", "INTEGER:1000", "PUNCT:)", "PUNCT:!", "PUNCT:/", "WORD:udp", "PUNCT:(", "INTEGER:1",
                "PUNCT:>", "INTEGER:9811", "PUNCT:)", "EOF:");
    }

    @Test
    void positions_areOneBasedLinesAndColumns_acrossMultiLineTokens() {
        List<Token> t = Lexer.tokenize("`a\nbc` x\n\t--y=1");
        assertThat(t.get(0)).extracting(Token::kind, Token::line, Token::column, Token::endLine, Token::endColumn)
                .containsExactly(Kind.BACKTICK, 1, 1, 2, 4);
        assertThat(t.get(1).position()).isEqualTo(new Position(2, 5));
        assertThat(t.get(2)).extracting(Token::kind, Token::text, Token::value, Token::line, Token::column)
                .containsExactly(Kind.OPTION, "y", "1", 3, 2);
    }

    @Test
    void lexicalError_endsTheTokenListWithOneErrorToken() {
        List<Token> t = Lexer.tokenize("a \"open");
        assertThat(t).hasSize(2);
        assertThat(t.get(1)).extracting(Token::kind, Token::column, Token::value).containsExactly(Kind.ERROR, 3,
                "unterminated string: expected closing '\"' before end of script");
    }
}
