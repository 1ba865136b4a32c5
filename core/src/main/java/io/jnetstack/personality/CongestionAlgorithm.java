package io.jnetstack.personality;

/**
 * The congestion-control algorithm a kernel gives a new TCP connection by default. Values and sources are in
 * docs/research/tcp-personalities.md, "Congestion control defaults (issue #3)".
 */
public enum CongestionAlgorithm {
    /** RFC 5681 slow start and congestion avoidance with RFC 6582 NewReno recovery (Linux calls it "reno"). */
    NEWRENO,
    /** RFC 9438 CUBIC. */
    CUBIC
}
