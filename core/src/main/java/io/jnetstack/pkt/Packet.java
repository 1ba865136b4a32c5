package io.jnetstack.pkt;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A packet line: {@code < S 0:0(0) win 32792 <mss 1000,nop,wscale 7>} or {@code > icmp ...}.
 *
 * @param direction {@code <} injected into the host, {@code >} expected from it
 * @param ip the IP-level details in {@code (...)} or {@code [...]} after the direction ({@link IpInfo#NONE}
 *     when absent)
 * @param transport the TCP, UDP or ICMP part
 */
public record Packet(Direction direction, IpInfo ip, Transport transport) implements Action {

    /** Which way a packet travels, seen from the host under test. */
    public enum Direction {
        /** {@code <}: the script injects it. */
        INBOUND,
        /** {@code >}: the host is expected to send it. */
        OUTBOUND
    }

    /** The transport part of a packet line. */
    public sealed interface Transport {}

    /**
     * A TCP segment.
     *
     * @param ports explicit {@code src>dst} ports, when given
     * @param flags the flags ({@code S.})
     * @param sequence {@code start:end(length)} or {@code ...(length)}
     * @param ack the {@code ack N} value, when given
     * @param window the {@code win N} value, when given
     * @param urgentPointer the {@code urg N} value, when given
     * @param options the {@code <...>} option list ({@link TcpOption.Listed} of none when absent)
     * @param encapsulation a trailing {@code /udp(src > dst)}, when given (RFC 8899-style UDP encapsulation)
     */
    public record Tcp(Optional<Ports> ports, TcpFlags flags, Sequence sequence, OptionalLong ack,
            OptionalInt window, OptionalInt urgentPointer, TcpOption.OptionList options,
            Optional<UdpEncapsulation> encapsulation) implements Transport {}

    /**
     * A UDP datagram: {@code udp (N)}.
     *
     * @param ports explicit {@code src>dst} ports, when given
     * @param payloadLength the payload length
     */
    public record Udp(Optional<Ports> ports, int payloadLength) implements Transport {}

    /**
     * An ICMP or ICMPv6 message: {@code icmp unreachable port_unreachable [1:1(0)]}.
     *
     * @param type the type name ({@code unreachable}, {@code time_exceeded}, {@code packet_too_big})
     * @param code the code name, when given ({@code port_unreachable}, {@code code_0})
     * @param mtu the {@code mtu N} value, when given
     * @param echoId the {@code id N} value, when given
     * @param quoted the summary of the quoted packet in {@code [...]}, when given
     */
    public record Icmp(String type, Optional<String> code, OptionalLong mtu, OptionalLong echoId,
            Optional<Quote> quoted) implements Transport {}

    /** The packet an ICMP error quotes. */
    public sealed interface Quote {}

    /**
     * A quoted TCP segment: {@code [seq:seq(len)]} with an optional {@code /udp(src > dst)}.
     *
     * @param sequence the quoted sequence range
     * @param encapsulation the UDP encapsulation of the quoted segment, when given
     */
    public record QuotedTcp(Sequence sequence, Optional<UdpEncapsulation> encapsulation) implements Quote {}

    /**
     * A quoted UDP datagram: {@code [udp (N)]}.
     *
     * @param payloadLength the quoted datagram's payload length
     */
    public record QuotedUdp(int payloadLength) implements Quote {}

    /**
     * Explicit ports written {@code src>dst} before the flags or length.
     *
     * @param source the source port
     * @param destination the destination port
     */
    public record Ports(int source, int destination) {}

    /**
     * {@code /udp(src > dst)}: the segment travels inside UDP with these ports.
     *
     * @param sourcePort the UDP source port
     * @param destinationPort the UDP destination port
     */
    public record UdpEncapsulation(int sourcePort, int destinationPort) {}
}
