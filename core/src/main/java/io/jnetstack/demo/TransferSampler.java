package io.jnetstack.demo;

import java.util.Arrays;

/**
 * The time series of a transfer: at each sample, the sender's congestion window, its bytes in flight and the bytes
 * the receiving application has read so far. Goodput over each interval is derived from consecutive samples.
 * Stored in growable primitive arrays (a one-hour run sampled every 10 ms is 360 000 samples).
 */
public final class TransferSampler {
    private long[] timeNs = new long[256];
    private long[] cwnd = new long[256];
    private long[] inFlight = new long[256];
    private long[] delivered = new long[256];
    private int size;

    /** Records one sample; times must not decrease. */
    public void sample(long nowNs, long cwndBytes, long inFlightBytes, long deliveredBytes) {
        if (size > 0 && nowNs < timeNs[size - 1]) {
            throw new IllegalArgumentException("sample times must not decrease: " + nowNs + " < " + timeNs[size - 1]);
        }
        if (size == timeNs.length) {
            int n = size * 2;
            timeNs = Arrays.copyOf(timeNs, n);
            cwnd = Arrays.copyOf(cwnd, n);
            inFlight = Arrays.copyOf(inFlight, n);
            delivered = Arrays.copyOf(delivered, n);
        }
        timeNs[size] = nowNs;
        cwnd[size] = cwndBytes;
        inFlight[size] = inFlightBytes;
        delivered[size] = deliveredBytes;
        size++;
    }

    /** Number of samples. */
    public int size() {
        return size;
    }

    /** Sample times in seconds. */
    public double[] seconds() {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = timeNs[i] / 1e9;
        }
        return out;
    }

    /** The sender's congestion window at each sample, in KiB. */
    public double[] cwndKiB() {
        return kib(cwnd);
    }

    /** The sender's bytes in flight at each sample, in KiB. */
    public double[] inFlightKiB() {
        return kib(inFlight);
    }

    /** Goodput over the interval ending at each sample (the first from time 0), in Mbit/s. */
    public double[] goodputMbps() {
        double[] out = new double[size];
        long prevT = 0;
        long prevD = 0;
        for (int i = 0; i < size; i++) {
            long dt = timeNs[i] - prevT;
            out[i] = dt <= 0 ? 0 : (delivered[i] - prevD) * 8e3 / dt;
            prevT = timeNs[i];
            prevD = delivered[i];
        }
        return out;
    }

    private double[] kib(long[] bytes) {
        double[] out = new double[size];
        for (int i = 0; i < size; i++) {
            out[i] = bytes[i] / 1024.0;
        }
        return out;
    }
}
