package io.warmgate.agent.hook;

import java.util.ArrayList;
import java.util.List;

/** Methods of the shapes that make weaving at a method's start and exits hard, each {@code void greet(List)}. */
final class Greeters {

    private Greeters() {
    }

    /** Its first instruction is a jump target: the method's own first frame sits at offset 0. */
    public static final class LoopAtStart {
        public void greet(List<String> out) {
            do {
                out.add("loop");
            } while (out.size() < 4);
        }
    }

    /** Catches what it throws itself: its handler must keep precedence over the hook's. */
    public static final class CatchesItsOwn {
        public void greet(List<String> out) {
            try {
                throw new IllegalArgumentException("own");
            } catch (IllegalArgumentException expected) {
                out.add("caught " + expected.getMessage());
            }
        }
    }

    /** Lets an exception escape, after a return path it did not take. */
    public static final class Throws {
        public void greet(List<String> out) {
            if (out.isEmpty()) {
                return;
            }
            throw new IllegalStateException("escaped");
        }
    }

    /** Writes its parameter with another list, as filters wrap their requests. */
    public static final class ReassignsParameter {
        public void greet(List<String> out) {
            List<String> original = out;
            out = new ArrayList<>();
            out.add("ignored");
            original.add("body saw " + out.size());
        }
    }

    /** Has a long and a double in its locals around a branch, so that frames carry two-slot values. */
    public static final class WideLocals {
        public void greet(List<String> out) {
            long big = out.size();
            double half = big / 2.0;
            if (half > 0) {
                out.add("wide " + big + " " + half);
            }
        }
    }
}
