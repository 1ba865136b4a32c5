package io.jnetstack.stack;

import io.jnetstack.wire.IpAddress;

/**
 * A datagram waiting in a UDP endpoint's receive queue, with addresses in the endpoint's family (v4-mapped for IPv4
 * traffic on an IPv6 endpoint).
 *
 * @param source          who sent it
 * @param sourcePort      its source port
 * @param destination     the local address it was sent to (IP_PKTINFO / IPV6_PKTINFO)
 * @param destinationPort the local port it was sent to
 * @param payload         the payload, a copy the receiver owns (equals compares it by identity)
 */
public record UdpDatagram(IpAddress source, int sourcePort, IpAddress destination, int destinationPort,
        byte[] payload) {

    /** Payload bytes. */
    public int length() {
        return payload.length;
    }
}
