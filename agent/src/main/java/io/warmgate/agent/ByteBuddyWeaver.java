package io.warmgate.agent;

import io.warmgate.agent.spi.Detection;
import io.warmgate.agent.spi.FoundHandler;
import io.warmgate.agent.spi.FrameworkModule;
import io.warmgate.agent.spi.FrameworkWeaver;
import io.warmgate.agent.spi.WeaverContext;
import io.warmgate.agent.spi.Weaving;
import io.warmgate.core.AgentLog;
import io.warmgate.core.HandlerLog;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.VisibilityBridgeStrategy;
import net.bytebuddy.dynamic.scaffold.InstrumentedType;
import net.bytebuddy.dynamic.scaffold.MethodGraph;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Weaves advice into one class at a time, with Byte Buddy used as a library: a type pool describes the class from
 * its class file (nothing is loaded), each candidate module's weaver says what to detect and what to gate, and
 * {@code ByteBuddy.decorate(...).visit(advice)} rewrites only the advised methods. No {@code AgentBuilder}: its
 * transformer generation, listeners and nexus cost start-up time that one advice per class does not need.
 *
 * <p>Created by {@link LazyWeaver} when the first candidate class loads; holds the modules' weavers, built once,
 * and the advice, described once from the agent jar without loading it.
 */
final class ByteBuddyWeaver implements ClassWeaver {

    private final HandlerLog handlers;
    private final AgentLog log;
    private final Map<FrameworkModule, List<Weaving>> gates = new ConcurrentHashMap<FrameworkModule, List<Weaving>>();
    private final Map<FrameworkModule, List<Detection>> detections =
            new ConcurrentHashMap<FrameworkModule, List<Detection>>();
    private final ByteBuddy byteBuddy;
    private final ClassFileLocator agentClasses;

    public ByteBuddyWeaver(List<FrameworkModule> modules, WeaverContext context, HandlerLog handlers, AgentLog log)
            throws ReflectiveOperationException {
        this.handlers = handlers;
        this.log = log;
        ClassLoader agentLoader = ByteBuddyWeaver.class.getClassLoader();
        for (FrameworkModule module : modules) {
            if (module.weaverClassName() == null) {
                continue; // gated by entry hooks alone (EntryHookWeaver)
            }
            FrameworkWeaver weaver = (FrameworkWeaver) Class.forName(module.weaverClassName(), true, agentLoader)
                    .getConstructor(WeaverContext.class).newInstance(context);
            gates.put(module, weaver.gates());
            detections.put(module, weaver.detections());
        }
        // The cheap settings the large agents use: the class is decorated in place, so no validation, no
        // visibility bridges, no inherited method graph and no type initializer are needed.
        this.byteBuddy = new ByteBuddy()
                .with(TypeValidation.DISABLED)
                .with(MethodGraph.Compiler.ForDeclaredMethods.INSTANCE)
                .with(InstrumentedType.Factory.Default.FROZEN)
                .with(VisibilityBridgeStrategy.Default.NEVER)
                .with(Implementation.Context.Disabled.Factory.INSTANCE);
        this.agentClasses = ClassFileLocator.ForClassLoader.of(agentLoader);
    }

    @Override
    public byte[] weave(ClassLoader loader, String internalName, byte[] classFile,
                        List<ScreenIndex.Entry> candidates) {
        String name = internalName.replace('/', '.');
        try {
            ClassFileLocator locator = new ClassFileLocator.Compound(ClassFileLocator.Simple.of(name, classFile),
                    ClassFileLocator.ForClassLoader.of(loader));
            // Lazy resolution: a type the matchers only name (a parameter type, say) is never read, because
            // reading it can fail while its loader is busy loading (Spring Boot's nested jars do). A pool per
            // class, not per loader: its descriptions reach the loader through the locator, so a cache kept per
            // loader would keep every discarded web application's loader alive. Few classes get here.
            TypeDescription type = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(),
                    locator, TypePool.Default.ReaderMode.FAST).describe(name).resolve();
            DynamicType.Builder<?> builder = null;
            for (FrameworkModule module : ScreenIndex.modulesOf(candidates)) {
                report(type, detections.get(module));
                for (Weaving weaving : gates.get(module)) {
                    if (weaving.types().matches(type)) {
                        builder = (builder == null ? byteBuddy.decorate(type, locator) : builder)
                                .visit(adviceFor(weaving.adviceClassName(), locator).on(weaving.methods()));
                        log.debug("instrumented " + name + " (" + weaving.label() + ")");
                    }
                }
            }
            return builder == null ? null : builder.make().getBytes();
        } catch (Throwable failure) {
            WeaveFailures.report(log, name, failure);
            return null;
        }
    }

    @Override
    public void warmUp() {
        try {
            TypePool pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(),
                    agentClasses, TypePool.Default.ReaderMode.FAST);
            TypeDescription target = pool.describe(EngineWarmUp.TARGET).resolve();
            for (List<Weaving> weavings : gates.values()) {
                for (Weaving weaving : weavings) {
                    weaving.types().matches(target); // loads and runs the modules' matchers; the answer is no
                }
            }
            byteBuddy.decorate(target, agentClasses)
                    .visit(Advice.to(pool.describe(EngineWarmUp.ADVICE).resolve(), agentClasses)
                            .on(ElementMatchers.named(EngineWarmUp.METHOD)))
                    .make()
                    .getBytes();
        } catch (Throwable failure) {
            // Only a head start; the real classes are woven (or their failure reported) as they come.
            log.debug("the instrumentation engine's warm-up failed (" + failure + ")");
        }
    }

    private void report(TypeDescription type, List<Detection> found) {
        for (Detection detection : found) {
            try {
                for (FoundHandler handler : detection.find(type)) {
                    handlers.found(handler.handler(), handler.path(), handler.note());
                }
            } catch (Throwable failure) {
                // Detection is only the log line; the request path still decides gating.
                handlers.inspectionFailed(type.getName(), failure);
            }
        }
    }

    /**
     * The advice, described from the agent jar's class file (the advice class itself is never loaded) and from
     * the target's loader: the framework types in the advice's signature (the servlet API, say) are found only
     * there, for instance inside a Spring Boot fat jar.
     */
    private Advice adviceFor(String className, ClassFileLocator target) {
        ClassFileLocator both = new ClassFileLocator.Compound(agentClasses, target);
        TypePool pool = new TypePool.Default.WithLazyResolution(new TypePool.CacheProvider.Simple(), both,
                TypePool.Default.ReaderMode.FAST);
        return Advice.to(pool.describe(className).resolve(), both);
    }
}
