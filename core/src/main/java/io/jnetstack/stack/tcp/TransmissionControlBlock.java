package io.jnetstack.stack.tcp;

import static io.jnetstack.wire.tcp.SeqNum.add;
import static io.jnetstack.wire.tcp.SeqNum.leq;
import static io.jnetstack.wire.tcp.SeqNum.lt;

import io.jnetstack.personality.CongestionAlgorithm;
import io.jnetstack.personality.Personality;
import io.jnetstack.personality.SynRetransmission;
import io.jnetstack.stack.tcp.cc.CongestionControl;

/**
 * The transmission control block of one {@link TcpConnection} (RFC 9293 §3.3.1): the variables named as in the RFC
 * (SND.UNA, SND.NXT, SND.WND, RCV.NXT, RCV.WND, ISS, IRS) and the rest of the connection's state — timers,
 * congestion control and loss recovery, keep-alive, the negotiated options — package-private so the rule classes of
 * this package can work on them, with the quantities derived from them. Its only subclass is the connection, which
 * adds the queues of segments and events and the public calls.
 */
abstract sealed class TransmissionControlBlock permits TcpConnection {
    /** RFC 9293 §3.7.1 / RFC 6691: the MSS to assume when the peer's SYN carries none (IPv4). */
    static final int DEFAULT_PEER_MSS = 536;
    static final long MS = 1_000_000L;
    /** RFC 7323 §3: the timestamps option with its two NOPs takes 12 bytes of every segment. */
    static final int TS_OPTION_BYTES = 12;
    /**
     * RFC 2385: the MD5 signature option with the two NOPs before it takes 20 bytes of every segment of a signing
     * connection (FreeBSD tcp_addoptions pads it to 2 modulo 4 after 0 or 12 bytes of timestamps).
     */
    static final int SIGNATURE_OPTION_BYTES = 20;

    final Personality personality;
    /** The personality's TCP values, read once per connection (they are constant, and asked for per segment). */
    final io.jnetstack.personality.AckPolicy ackPolicy;
    final io.jnetstack.personality.TcpTimers timers;
    final io.jnetstack.personality.TcpBuffers buffers;
    final io.jnetstack.personality.TcpRules rules;
    final io.jnetstack.personality.TcpStateRules stateRules;
    final io.jnetstack.personality.RetransmissionLimit retransmissionLimit;
    final int localPort;
    final int remotePort;
    final int mss;
    final int tsOffset;
    final ByteRing received;
    final ByteRing sendBuffer;
    final ReassemblyQueue outOfOrder = new ReassemblyQueue();
    final RttEstimator rtt;
    final TcpStats stats = new TcpStats();
    TcpState state;
    /** The state timer: SYN retransmission and give-up, TIME-WAIT, orphaned FIN-WAIT-2. */
    long deadlineNs = Long.MAX_VALUE;
    /** The retransmission timer (RFC 6298), also the persist timer while probing a zero window. */
    long retransmitAtNs = Long.MAX_VALUE;
    /** The delayed-ACK timer (RFC 1122 §4.2.3.2). */
    long delackAtNs = Long.MAX_VALUE;

    int iss;
    int irs;
    int sndUna;
    int sndNxt;
    /** The highest sequence number sent (BSD snd_max): SND.NXT falls back to SND.UNA on a timeout, this does not. */
    int sndMax;
    int sndWnd;
    int sndWl1;
    int sndWl2;
    int maxSndWnd;
    int rcvNxt;
    /** The acknowledgment number of the last segment sent (BSD last_ack_sent). */
    int lastAckSent;
    /** The right edge of the window we last advertised (RCV.NXT + RCV.WND as sent): it never moves left. */
    int rcvAdv;
    /** RCV.NXT unwrapped to 64 bits, for the reassembly queue's ordering. */
    long rcvNxtAbs;
    /** Where the peer's FIN sits (unwrapped) when it arrived ahead of missing text; -1 when none is pending. */
    long peerFinAbs = -1;
    int dupAcks;
    int peerMss = DEFAULT_PEER_MSS;
    /**
     * The IP header's size towards the peer (20 or 40) when segments are built into datagrams by the stack: data
     * segments then carry their payload behind that much room plus the TCP header's; 0 when not known.
     */
    int ipHeaderRoom;
    /** The outgoing link's TCP segmentation offload (the longest datagram it cuts up itself), 0 without. */
    int segmentOffload;
    int sndShift;
    int rcvShift;
    boolean timestamps;
    int tsRecent;
    TcpEvent softError;
    /** The ICMP message that last set {@link #softError} or ended the connection (null: none, or not known). */
    IcmpError lastIcmp;
    /** net.inet.tcp.icmp_may_rst (BSD, XNU): whether an ICMP error may abort SYN-SENT at once. */
    boolean icmpMayReset = true;
    /** When SYNs are sent and the attempt abandoned: the personality's, unless the socket overrode it. */
    SynRetransmission synSchedule;
    boolean timing;
    int timedSeq;
    long timedAtNs;
    /** Retransmissions since SND.UNA last advanced, and when the segment at SND.UNA was first sent. */
    int retransmissions;
    long firstRetransmitNs;
    /** The user asked for a FIN (CLOSE or shutdown for writing): it follows the last byte of the send buffer. */
    boolean finQueued;
    /** Our FIN has been acknowledged. */
    boolean finAcked;
    /** The user closed the connection completely: nothing more will be read (an orphan, in Linux's word). */
    boolean userClosed;

    // ---- congestion control and loss recovery (RFC 5681, RFC 6582, RFC 6675) ----
    /** The algorithm to run: the personality's default unless TCP_CONGESTION chose another. */
    CongestionAlgorithm algorithm;
    /** Created when the connection is synchronized and the peer's MSS is known. */
    CongestionControl cc;
    /** Both sides offered SACK-permitted (RFC 2018 §2). */
    boolean sackOk;
    boolean windowScaling;
    /** RFC 3168: our last SYN asked for ECN; ECN was negotiated; the end of the data last sent marked ECT(0). */
    boolean ecnRequested;
    boolean ecn;
    boolean ectMarked;
    int ectMark;
    SackScoreboard scoreboard;
    SackBlocks sackBlocks;
    /** SND.UNA unwrapped to 64 bits (SeqSpace), for the scoreboard. */
    long sndUnaAbs;
    boolean inRecovery;
    /** RFC 6582 "recover" / RFC 6675 RecoveryPoint: SND.MAX when recovery or the last timeout began (unwrapped). */
    long recoverAbs;
    boolean recoverValid;
    /** RFC 6675 HighRxt, exclusive (one past the last retransmitted byte), and RescueRxt (-1: undefined). */
    long highRxtAbs;
    long rescueRxtAbs = -1;
    /** RFC 6582 without SACK: the inflated window that governs sending during recovery. */
    long recoveryWindow;
    /** The last output was held back by the congestion window (Linux tcp_is_cwnd_limited). */
    boolean cwndLimited;
    long lastSendNs = -1;
    /** The persist timer fired: the next output may send one byte into a zero window (RFC 9293 §3.8.6.1). */
    boolean forceProbe;
    /** TCP_NODELAY: no Nagle. */
    boolean noDelay;
    /** Where the last sub-MSS segment ended (Minshall's Nagle test). */
    int smallSentEnd;

    // ---- keep-alive (RFC 1122 §4.2.3.6) ----
    boolean keepAlive;
    long keepIdleNs;
    long keepIntervalNs;
    int keepCount;
    long keepAtNs = Long.MAX_VALUE;
    int keepProbes;
    long lastHeardNs;

    // ---- timestamps (RFC 7323), urgent data (RFC 9293 §3.8.5, RFC 6093), TCP_MAXSEG ----
    /** TS.Recent holds a value from the peer (RFC 7323 §5.3: PAWS compares against it). */
    boolean tsRecentValid;
    /** RCV.UP unwrapped: the sequence number just past the peer's urgent data; -1 when none was signalled. */
    long rcvUpAbs = -1;
    /** TCP_MAXSEG: the most payload per segment the application allows (0: no limit). */
    int userMss;

    // ---- what the SYN offers, and the socket's per-segment settings ----
    /** The MSS our next SYN offers: {@link #mss}, unless a path MTU report lowered it in SYN-SENT. */
    int synMss;
    /** The personality stopped offering window scale, timestamps and SACK in this connection's SYNs. */
    boolean synOptionsDropped;
    /** IP TTL and TOS of every segment, and TCP_NOOPT. */
    TcpOutputOptions output = TcpOutputOptions.DEFAULTS;
    /** TCP Fast Open (FreeBSD TF_FASTOPEN on an active open): the cookie our SYN carries; null: no TFO. */
    io.jnetstack.wire.ByteString fastOpenCookie;
    /** Where the SYN-ACK's Fast Open verdict goes while TF_FASTOPEN is set; null otherwise. */
    FastOpen.Path fastOpenPath;
    /** The server MSS the cookie cache held when the connection opened (0: none). */
    int fastOpenServerMss;
    /**
     * Linux DEFER_CONNECT: in SYN-SENT with no SYN sent; the first write sends it ({@link
     * TcpConnection#sendDeferredSyn}).
     */
    boolean synDeferred;

    // ---- acknowledgment policy and the receive window ----
    int quickAcksLeft;
    int segmentsUnacked;
    /** Linux rcv_ssthresh: the advertised window grows toward the buffer a little with each full segment. */
    int windowClamp;
    long rcvSpaceStartNs = -1;
    long rcvSpaceCopied;
    /** The most the application read in one RTT so far (Linux rcvq_space.space). */
    long rcvSpaceLast;
    /** SYN-ACKs sent and when the first left (the passive side's handshake RTT sample, Karn's rule). */
    int synAcksSent;
    long firstSynAckNs;

    /** The control block of a connection that has sent and received nothing yet. */
    TransmissionControlBlock(Personality personality, int localPort, int remotePort, int iss, int mss, int tsOffset) {
        this.personality = personality;
        this.ackPolicy = personality.ackPolicy();
        this.timers = personality.tcpTimers();
        this.buffers = personality.tcpBuffers();
        this.rules = personality.tcpRules();
        this.stateRules = personality.tcpStateRules();
        this.retransmissionLimit = personality.retransmissionLimit();
        this.localPort = localPort;
        this.remotePort = remotePort;
        this.iss = iss;
        this.mss = mss;
        this.synMss = mss;
        this.tsOffset = tsOffset;
        this.received = new ByteRing(buffers.receiveInitial());
        this.sendBuffer = new ByteRing(buffers.sendInitial());
        this.windowClamp = buffers.gradualWindow()
                ? Math.min(personality.synWindow(mss), received.capacity()) : Integer.MAX_VALUE;
        this.quickAcksLeft = ackPolicy.quickAcks();
        this.rtt = new RttEstimator(personality.rto());
        this.algorithm = personality.congestionControl();
        this.keepIdleNs = timers.keepIdleNs();
        this.keepIntervalNs = timers.keepIntervalNs();
        this.keepCount = timers.keepCount();
        this.synSchedule = personality.synRetransmission();
    }

    /** An RTT sample from the handshake (the SYN was not retransmitted: Karn's rule). */
    void sampleHandshake(long rttNs) {
        rtt.sample(rttNs);
    }

    /** {@code seq} unwrapped on the sending side (near SND.UNA). */
    long sendAbs(int seq) {
        return sndUnaAbs + (seq - sndUna);
    }

    /** SYN-SENT bookkeeping for the handshake RTT sample. */
    TcpState.SynSent synSent() {
        return state instanceof TcpState.SynSent ss ? ss : null;
    }

    /** What is left of the window last advertised: RCV.ADV − RCV.NXT, or 0 once the peer has filled it. */
    int offeredWindow() {
        return lt(rcvNxt, rcvAdv) ? rcvAdv - rcvNxt : 0;
    }

    /** The window to advertise: the buffer's free space, held to the growing clamp (Linux rcv_ssthresh). */
    int rcvWnd() {
        return Math.max(0, Math.min(received.space(), windowClamp - received.size()));
    }

    /** RFC 5961 §5.2: SND.UNA − MAX.SND.WND ≤ SEG.ACK ≤ SND.NXT (the highest SND.NXT reached: SND.MAX). */
    boolean ackInRange(int ack) {
        return leq(add(sndUna, -maxSndWnd), ack) && leq(ack, sndMax);
    }

    /**
     * The largest payload of one segment: the peer's MSS less the timestamps and signature options when in use
     * (FreeBSD tcp_output: len + optlen fits t_maxseg).
     */
    int effectiveMss() {
        int m = peerMss - (timestamps ? TS_OPTION_BYTES : 0) - (output.signsSegments() ? SIGNATURE_OPTION_BYTES : 0);
        return userMss > 0 ? Math.min(m, userMss) : m;
    }
}
