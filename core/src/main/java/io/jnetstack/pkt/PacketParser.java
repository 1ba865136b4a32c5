package io.jnetstack.pkt;

import io.jnetstack.pkt.Token.Kind;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Packet lines: direction, optional IP details, then a TCP, UDP or ICMP part. */
final class PacketParser {
    private static final long U16 = 0xFFFF;
    private static final long U32 = 0xFFFF_FFFFL;

    private final Cursor in;

    PacketParser(Cursor in) {
        this.in = in;
    }

    Packet packet() {
        Packet.Direction dir = in.next().isPunct('<') ? Packet.Direction.INBOUND : Packet.Direction.OUTBOUND;
        IpInfo ip = IpInfo.NONE;
        if (in.atPunct('(') || in.atPunct('[')) {
            ip = IpInfoParser.parse(in);
        }
        Packet.Transport transport;
        if (in.atWord("icmp")) {
            in.next();
            transport = icmp();
        } else if (in.atWord("udp")) {
            in.next();
            Optional<Packet.Ports> ports = ports();
            in.expectPunct('(', "'(' and the payload length after 'udp'");
            int len = (int) in.integerIn("UDP payload length", 0, U16);
            in.expectPunct(')', "')' after the UDP payload length");
            transport = new Packet.Udp(ports, len);
        } else {
            transport = tcp();
        }
        return new Packet(dir, ip, transport);
    }

    private Optional<Packet.Ports> ports() {
        if (in.peek().kind() != Kind.INTEGER || !in.peek(1).isPunct('>')) {
            return Optional.empty();
        }
        int src = (int) in.integerIn("source port", 0, U16);
        in.next();
        int dst = (int) in.integerIn("destination port", 0, U16);
        return Optional.of(new Packet.Ports(src, dst));
    }

    private Packet.Tcp tcp() {
        Optional<Packet.Ports> ports = ports();
        TcpFlags flags = flags();
        Sequence seq = sequence();
        OptionalLong ack = OptionalLong.empty();
        OptionalInt win = OptionalInt.empty();
        OptionalInt urg = OptionalInt.empty();
        if (in.atWord("ack")) {
            in.next();
            ack = OptionalLong.of(in.integerIn("ack number", 0, U32));
        }
        if (in.atWord("win")) {
            in.next();
            win = OptionalInt.of((int) in.integerIn("window", 0, U16));
        }
        if (in.atWord("urg")) {
            in.next();
            urg = OptionalInt.of((int) in.integerIn("urgent pointer", 0, U16));
        }
        TcpOption.OptionList options = new TcpOption.Listed(java.util.List.of());
        if (in.atPunct('<')) {
            options = TcpOptionParser.parse(in);
        }
        return new Packet.Tcp(ports, flags, seq, ack, win, urg, options, encapsulation());
    }

    private TcpFlags flags() {
        String expected = "TCP flags (such as S, S., ., P., F., R), 'udp' or 'icmp' after the direction";
        if (in.atPunct('-')) {
            in.next();
            return new TcpFlags("");
        }
        Token first = in.peek();
        StringBuilder text = new StringBuilder();
        if (first.kind() == Kind.WORD) {
            text.append(in.next().text());
            if (in.atPunct('.')) {
                text.append(in.next().text());
                if (in.peek().kind() == Kind.WORD) {
                    text.append(in.next().text());
                }
            }
        } else if (first.isPunct('.')) {
            text.append(in.next().text());
        } else {
            throw in.expected(expected);
        }
        for (int i = 0; i < text.length(); i++) {
            if (TcpFlags.LETTERS.indexOf(text.charAt(i)) < 0) {
                throw in.at(first, "bad TCP flag '" + text.charAt(i) + "' in '" + text
                        + "'; expected letters from F S R P . U E W A");
            }
        }
        return new TcpFlags(text.toString());
    }

    /** {@code start:end(len)[!]} or {@code ...(len)}. */
    Sequence sequence() {
        if (in.peek().kind() == Kind.ELLIPSIS) {
            in.next();
            in.expectPunct('(', "'(' and the payload length after '...'");
            int len = (int) in.integerIn("payload length", 0, U16);
            in.expectPunct(')', "')' after the payload length");
            return new Sequence.AnyStart(len);
        }
        if (in.peek().kind() != Kind.INTEGER) {
            throw in.expected("a sequence range 'start:end(length)' after the flags");
        }
        Token startTok = in.peek();
        long start = in.integerIn("start sequence number", 0, U32);
        in.expectPunct(':', "':' in the sequence range 'start:end(length)'");
        long end = in.integerIn("end sequence number", 0, U32);
        in.expectPunct('(', "'(' and the payload length in 'start:end(length)'");
        int len = (int) in.integerIn("payload length", 0, U16);
        in.expectPunct(')', "')' after the payload length");
        if (end != start + len) {
            throw in.at(startTok, "inconsistent TCP sequence numbers and payload size: " + start + ":" + end
                    + "(" + len + ") needs end = start + length");
        }
        boolean absolute = in.atPunct('!');
        if (absolute) {
            in.next();
        }
        return new Sequence.Range(start, end, len, absolute);
    }

    /** An optional {@code /udp(src > dst)}. */
    Optional<Packet.UdpEncapsulation> encapsulation() {
        if (!in.atPunct('/')) {
            return Optional.empty();
        }
        in.next();
        if (!in.atWord("udp")) {
            throw in.expected("'udp' after '/'");
        }
        in.next();
        in.expectPunct('(', "'(' after '/udp'");
        int src = (int) in.integerIn("UDP source port", 0, U16);
        in.expectPunct('>', "'>' between the UDP ports");
        int dst = (int) in.integerIn("UDP destination port", 0, U16);
        in.expectPunct(')', "')' after the UDP ports");
        return Optional.of(new Packet.UdpEncapsulation(src, dst));
    }

    private Packet.Icmp icmp() {
        String type = in.expect(Kind.WORD, "an ICMP type name (such as unreachable) after 'icmp'").text();
        Optional<String> code = Optional.empty();
        if (in.peek().kind() == Kind.WORD && !in.atWord("mtu") && !in.atWord("id") && in.onSameLine()) {
            code = Optional.of(in.next().text());
        }
        OptionalLong mtu = OptionalLong.empty();
        OptionalLong id = OptionalLong.empty();
        if (in.atWord("mtu")) {
            in.next();
            mtu = OptionalLong.of(in.integerIn("MTU", 0, U32));
        }
        if (in.atWord("id")) {
            in.next();
            id = OptionalLong.of(in.integerIn("echo id", 0, U16));
        }
        Optional<Packet.Quote> quoted = Optional.empty();
        if (in.atPunct('[')) {
            in.next();
            quoted = Optional.of(quote());
            in.expectPunct(']', "']' closing the quoted packet");
        }
        return new Packet.Icmp(type, code, mtu, id, quoted);
    }

    private Packet.Quote quote() {
        if (in.atWord("udp")) {
            in.next();
            in.expectPunct('(', "'(' and the payload length after 'udp'");
            int len = (int) in.integerIn("UDP payload length", 0, U16);
            in.expectPunct(')', "')' after the UDP payload length");
            return new Packet.QuotedUdp(len);
        }
        if (in.peek().kind() != Kind.INTEGER && in.peek().kind() != Kind.ELLIPSIS) {
            throw in.expected("a quoted TCP sequence range 'start:end(length)' or 'udp (length)'");
        }
        return new Packet.QuotedTcp(sequence(), encapsulation());
    }
}
