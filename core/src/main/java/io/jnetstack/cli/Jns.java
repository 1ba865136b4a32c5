package io.jnetstack.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code jns} command. */
@Command(name = "jns", mixinStandardHelpOptions = true, version = "jnetstack 0.1.0",
        description = "jnetstack: a user-space TCP/IP stack and BSD socket layer for the JVM, four OS personalities.",
        subcommands = {MatrixCommand.class, PktCommand.class, DemoCommand.class, TransferCommand.class, CommandLine.HelpCommand.class})
public final class Jns implements Runnable {

    /** Runs the CLI and exits with its status. */
    public static void main(String[] args) {
        System.exit(execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI and returns its exit status (0 ok, 1 failure, 2 bad input). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Jns());
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            err.println("jns: " + ex.getMessage() + " (try 'jns --help')");
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            err.println("jns: " + c.getCommandName() + ": " + ex.getMessage());
            return 1;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
