package dev.lantern.app.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.lantern.app.errors.ErrorCode;
import dev.lantern.app.errors.LanternException;
import dev.lantern.engine.RuntimeOptions;
import dev.lantern.engine.batch.BatchScheduler;
import dev.lantern.engine.batch.SchedulerLimits;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.lang.reflect.Proxy;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry's life: configured models are LOADING (requests answered 503 MODEL_NOT_READY with
 * Retry-After, readiness down) until the background load ends, then READY; a model that cannot load is
 * FAILED; an unknown id is 404 MODEL_NOT_FOUND. The load runs when the test lets the executor run it.
 */
class ModelRegistryTest {

    private static final Path DEMO = Path.of("../../models/docs-llama-8m").toAbsolutePath().normalize();

    private final List<Runnable> background = new ArrayList<>();

    private ModelRegistry registry(String spec) {
        ModelRegistry registry = new ModelRegistry();
        registry.settings = new ModelSettings(ModelSpec.parse(spec, Optional.empty()),
                RuntimeOptions.defaults().withOnnxFile("model_int8.onnx"), SchedulerLimits.defaults(), 0);
        registry.executor = (ManagedExecutorService) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedExecutorService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("execute")) {
                        background.add((Runnable) args[0]);
                    }
                    return null;
                });
        registry.laneThreads = (ManagedThreadFactory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ManagedThreadFactory.class}, (proxy, method, args) ->
                        method.getName().equals("newThread") ? BatchScheduler.DAEMON_THREADS.newThread((Runnable) args[0])
                                : null);
        registry.start();
        return registry;
    }

    @Test
    void loadingThenReady() {
        ModelRegistry registry = registry("docs=" + DEMO + ";broken=/nonexistent/model");
        try {
            assertEquals(ModelState.LOADING, registry.defaultModel().state());
            LanternException loading = assertThrows(LanternException.class, () -> registry.ready(null));
            assertEquals(ErrorCode.MODEL_NOT_READY, loading.code());
            assertEquals("5", loading.headers().get("Retry-After"));
            assertEquals(ErrorCode.MODEL_NOT_FOUND,
                    assertThrows(LanternException.class, () -> registry.ready("gpt-4")).code());
            assertEquals("model", assertThrows(LanternException.class, () -> registry.ready("gpt-4")).param());

            background.forEach(Runnable::run);

            assertEquals(ModelState.READY, registry.defaultModel().state());
            assertSame(registry.defaultModel(), registry.ready(null));
            assertSame(registry.defaultModel(), registry.ready("docs"));
            assertEquals(ModelState.FAILED, registry.languageModels().get(1).state());
            assertEquals(ErrorCode.MODEL_NOT_READY,
                    assertThrows(LanternException.class, () -> registry.ready("broken")).code());
            assertEquals(ModelState.READY, registry.embeddingState());
        } finally {
            registry.stop();
        }
    }

    @Test
    void theDefaultIsTheFirstListedUnlessNamed() {
        assertEquals("b", ModelSpec.parse("a=/x;b=/y", Optional.of("b")).get(0).id());
        assertEquals("a", ModelSpec.parse("a=/x;b=/y", Optional.empty()).get(0).id());
        assertEquals("docs-llama-8m", ModelSpec.parse("/models/docs-llama-8m", Optional.empty()).get(0).id());
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse("a=/x;a=/y", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse("a=/x", Optional.of("c")));
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.parse(" ", Optional.empty()));
    }

    @Test
    void chatTemplateFilesAreNamedByModelId() {
        List<ModelSpec> models = ModelSpec.withChatTemplates(ModelSpec.parse("a=/x;b=/y", Optional.empty()),
                " b = /t/b.jinja ;");
        assertEquals(null, models.get(0).chatTemplate());
        assertEquals(Path.of("/t/b.jinja"), models.get(1).chatTemplate());
        List<ModelSpec> listed = ModelSpec.parse("a=/x", Optional.empty());
        assertEquals(listed, ModelSpec.withChatTemplates(listed, ""));
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.withChatTemplates(listed, "c=/t/c.jinja"),
                "an id that is not a model");
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.withChatTemplates(listed, "/t/a.jinja"));
        assertThrows(IllegalArgumentException.class, () -> ModelSpec.withChatTemplates(listed, "a=/t/1;a=/t/2"));
    }

    @Test
    void aConfiguredChatTemplateIsReadAndParsedWhenTheModelLoads(@TempDir Path dir) throws Exception {
        Path good = Files.writeString(dir.resolve("good.jinja"), "{% for m in messages %}{{ m.content }}{% endfor %}");
        Path broken = Files.writeString(dir.resolve("broken.jinja"), "{% for m in messages %}");
        assertEquals(Files.readString(good), ModelRegistry.configuredChatTemplate(new ModelSpec("a", DEMO, good)));
        assertEquals(null, ModelRegistry.configuredChatTemplate(new ModelSpec("a", DEMO, null)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ModelRegistry.configuredChatTemplate(
                new ModelSpec("a", DEMO, broken))).getMessage().contains("broken.jinja"));
        assertThrows(UncheckedIOException.class, () -> ModelRegistry.configuredChatTemplate(
                new ModelSpec("a", DEMO, dir.resolve("missing.jinja"))));
    }
}
