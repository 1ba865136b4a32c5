package io.jnetstack.pkt;

import io.jnetstack.pkt.Token.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** {@code <mss 1460,nop,wscale 6,sackOK,TS val 100 ecr 0,sack 1:2,eol,md5 valid,FO 0102>} and {@code <...>}. */
final class TcpOptionParser {
    private static final String NAMES = "nop, eol, mss, wscale, sackOK, sack, TS, md5 or FO";
    private static final long U32 = 0xFFFF_FFFFL;

    private final Cursor in;

    private TcpOptionParser(Cursor in) {
        this.in = in;
    }

    /** Parses the list; the opening {@code <} is next. */
    static TcpOption.OptionList parse(Cursor in) {
        in.next();
        if (in.peek().kind() == Kind.ELLIPSIS) {
            in.next();
            in.expectPunct('>', "'>' after '<...'");
            return new TcpOption.Unchecked();
        }
        TcpOptionParser p = new TcpOptionParser(in);
        List<TcpOption> options = new ArrayList<>();
        while (true) {
            options.add(p.option());
            if (in.atPunct('>')) {
                in.next();
                return new TcpOption.Listed(options);
            }
            if (!in.atPunct(',')) {
                throw in.expected("',' or '>' in the TCP options");
            }
            in.next();
        }
    }

    private TcpOption option() {
        Token t = in.peek();
        if (t.kind() != Kind.WORD) {
            throw in.expected("a TCP option (" + NAMES + ")");
        }
        in.next();
        return switch (t.text()) {
            case "nop" -> new TcpOption.Nop();
            case "eol" -> new TcpOption.Eol();
            case "mss" -> new TcpOption.Mss((int) in.integerIn("mss", 0, 0xFFFF));
            case "wscale" -> new TcpOption.WindowScale((int) in.integerIn("wscale", 0, 255));
            case "sackOK" -> new TcpOption.SackPermitted();
            case "sack" -> sack();
            case "TS" -> timestamp();
            case "md5" -> new TcpOption.Md5(blob("a digest or 'valid' after 'md5'", false));
            case "FO" -> new TcpOption.FastOpen(blob("", true));
            default -> throw in.at(t, "unknown TCP option " + t.describe() + "; expected " + NAMES);
        };
    }

    private TcpOption.Sack sack() {
        List<TcpOption.SackBlock> blocks = new ArrayList<>();
        do {
            long left = in.integerIn("SACK block start", 0, U32);
            in.expectPunct(':', "':' in the SACK block 'left:right'");
            long right = in.integerIn("SACK block end", 0, U32);
            blocks.add(new TcpOption.SackBlock(left, right));
        } while (in.peek().kind() == Kind.INTEGER);
        return new TcpOption.Sack(blocks);
    }

    private TcpOption.Timestamp timestamp() {
        if (!in.atWord("val")) {
            throw in.expected("'val' after 'TS'");
        }
        in.next();
        OptionalLong val = OptionalLong.empty();
        if (in.peek().kind() == Kind.ELLIPSIS) {
            in.next();
        } else {
            val = OptionalLong.of(in.integerIn("TS val", 0, U32));
        }
        if (!in.atWord("ecr")) {
            throw in.expected("'ecr' after the TS value");
        }
        in.next();
        long ecr = in.integerIn("TS ecr", 0, U32);
        boolean absolute = in.atPunct('!');
        if (absolute) {
            in.next();
        }
        return new TcpOption.Timestamp(val, ecr, absolute);
    }

    /** A hex blob written as a word or a number (leading zeros kept); optional when {@code optional}. */
    private String blob(String expected, boolean optional) {
        Token t = in.peek();
        if (t.kind() == Kind.WORD || t.kind() == Kind.INTEGER) {
            in.next();
            return t.text();
        }
        if (optional) {
            return "";
        }
        throw in.expected(expected);
    }
}
