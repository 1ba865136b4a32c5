package io.jnetstack.pkt;

import io.jnetstack.pkt.Token.Kind;
import java.util.Optional;
import java.util.OptionalInt;

/** {@code (ttl 64)}, {@code [ect0]}, {@code (tos 0xe0, ecn ce)}: the IP details after a packet's direction. */
final class IpInfoParser {
    private static final String ITEM =
            "ttl, hlim, tos, class, flowlabel, dscp, ecn or an ECN codepoint (noecn, ect0, ect1, ce, ect01)";

    private final Cursor in;
    private OptionalInt ttl = OptionalInt.empty();
    private OptionalInt hopLimit = OptionalInt.empty();
    private OptionalInt tos = OptionalInt.empty();
    private OptionalInt trafficClass = OptionalInt.empty();
    private OptionalInt flowLabel = OptionalInt.empty();
    private Optional<String> dscp = Optional.empty();
    private Optional<IpInfo.Ecn> ecn = Optional.empty();

    private IpInfoParser(Cursor in) {
        this.in = in;
    }

    /** Parses {@code (items)} or {@code [items]}; the opening bracket is next. */
    static IpInfo parse(Cursor in) {
        IpInfoParser p = new IpInfoParser(in);
        char close = in.next().isPunct('(') ? ')' : ']';
        while (true) {
            p.item();
            if (in.atPunct(close)) {
                in.next();
                return new IpInfo(p.ttl, p.hopLimit, p.tos, p.trafficClass, p.flowLabel, p.dscp, p.ecn);
            }
            if (!in.atPunct(',')) {
                throw in.expected("',' or '" + close + "' in the IP details");
            }
            in.next();
        }
    }

    private void item() {
        Token t = in.peek();
        if (t.kind() != Kind.WORD) {
            throw in.expected(ITEM);
        }
        Optional<IpInfo.Ecn> bare = IpInfo.Ecn.ofKeyword(t.text());
        in.next();
        switch (t.text()) {
            case "ttl" -> ttl = once(t, ttl, (int) in.unsignedIn("ttl", 255));
            case "hlim" -> hopLimit = once(t, hopLimit, (int) in.unsignedIn("hlim", 255));
            case "tos" -> tos = once(t, tos, (int) in.unsignedIn("tos", 255));
            case "class" -> trafficClass = once(t, trafficClass, (int) in.unsignedIn("class", 255));
            case "flowlabel" -> flowLabel = once(t, flowLabel, (int) in.unsignedIn("flowlabel", 0xFFFFF));
            case "dscp" -> {
                Token v = in.peek();
                if (v.kind() != Kind.HEX && v.kind() != Kind.WORD && v.kind() != Kind.INTEGER) {
                    throw in.expected("a DSCP value (hex or a name such as cs1, af11, ef) after 'dscp'");
                }
                dscp = Optional.of(in.next().text());
            }
            case "ecn" -> {
                Token v = in.peek();
                Optional<IpInfo.Ecn> e = v.kind() == Kind.WORD ? IpInfo.Ecn.ofKeyword(v.text()) : Optional.empty();
                if (e.isEmpty()) {
                    throw in.expected("an ECN codepoint (noecn, ect0, ect1, ce, ect01) after 'ecn'");
                }
                in.next();
                ecn = e;
            }
            default -> {
                if (bare.isEmpty()) {
                    throw in.at(t, "expected " + ITEM + ", found " + t.describe());
                }
                ecn = bare;
            }
        }
    }

    private OptionalInt once(Token t, OptionalInt old, int value) {
        if (old.isPresent()) {
            throw in.at(t, "'" + t.text() + "' given twice in the IP details");
        }
        return OptionalInt.of(value);
    }
}
