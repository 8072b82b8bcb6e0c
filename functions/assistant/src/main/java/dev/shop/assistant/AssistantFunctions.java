package dev.shop.assistant;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.domain.ParseIntent;
import dev.shop.assistant.conversation.AssistantService;
import dev.shop.assistant.execute.PlanExecutor;
import dev.shop.assistant.domain.ExecuteRequest;
import dev.shop.assistant.domain.ExecuteResult;
import dev.shop.assistant.shop.ShopApi;
import dev.shop.assistant.http.AssistantHttp;
import dev.shop.assistant.index.CatalogProduct;
import dev.shop.assistant.index.CatalogWarmUp;
import dev.shop.assistant.index.ProductIndex;
import dev.shop.assistant.intent.ActionModel;
import dev.shop.assistant.notify.PlanNotifications;
import dev.shop.assistant.parser.IntentParser;
import dev.shop.assistant.parser.ParseResult;
import dev.shop.assistant.session.RedisSessionStore;
import dev.shop.assistant.session.SessionStore;
import dev.shop.events.EventTypes;
import dev.shop.runtime.config.ShopProperties;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.invocation.EventFunction;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.runtime.redis.RedisConnection;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The assistant's function beans. */
@Configuration(proxyBeanMethods = false)
public class AssistantFunctions {

    @Bean(destroyMethod = "close")
    ProductIndex productIndex() {
        return new ProductIndex();
    }

    /** Loaded and primed while the function initialises, so that a SnapStart snapshot holds a warm model. */
    @Bean
    ActionModel actionModel() {
        return ActionModel.shared();
    }

    @Bean
    IntentParser intentParser(ProductIndex index, ActionModel actionModel) {
        return new IntentParser(index, actionModel);
    }

    @Bean
    RedisSessionStore sessionStore(RedisConnection redis, ObjectMapper mapper,
                                   @Value("${shop.assistant.session-ttl:30m}") Duration ttl) {
        return new RedisSessionStore(redis, mapper, ttl);
    }

    /**
     * On Lambda (shop.assistant.warm-from-catalog: true in application-lambda.yml) an instance fills its empty
     * index from GET /products: there the product events go to the separate indexProducts function.
     */
    @Bean
    AssistantService assistantService(IntentParser parser, SessionStore sessions, ShopApi api, ProductIndex index,
                                      ObjectMapper mapper,
                                      @Value("${shop.assistant.warm-from-catalog:false}") boolean warmFromCatalog) {
        if (!warmFromCatalog) {
            return new AssistantService(parser, sessions);
        }
        CatalogWarmUp warmUp = new CatalogWarmUp(api, index, mapper, Duration.ofSeconds(30), Clock.systemUTC());
        return new AssistantService(parser, sessions, warmUp::ensureLoaded);
    }

    @Bean
    ShopApi shopApi(ObjectMapper mapper, ShopProperties shop,
                    @Value("${shop.assistant.api-base-url:http://localhost:8080}") String baseUrl) {
        return new ShopApi(baseUrl, mapper, shop.adminToken(), 4, Duration.ofMillis(100));
    }

    @Bean
    PlanExecutor planExecutor(ShopApi api, AssistantService assistant, ProductIndex index,
                              @Value("${shop.assistant.checkout-timeout:60s}") Duration checkoutTimeout) {
        return new PlanExecutor(api, assistant, index, checkoutTimeout);
    }

    /** executePlan's PlanFinished events, through the assistant schema's outbox. */
    @Bean
    PlanNotifications planNotifications(Jdbi jdbi, Outbox outbox, FunctionManifest manifest, Clock clock) {
        return new PlanNotifications(jdbi, outbox, manifest.topicName(EventTypes.ASSISTANT_NOTIFICATIONS_TOPIC), clock);
    }

    @Bean
    public Function<ParseIntent, ParseResult> parseIntent(AssistantService assistant) {
        return assistant::parse;
    }

    @Bean
    public Function<ExecuteRequest, ExecuteResult> executePlan(PlanExecutor executor) {
        return executor::execute;
    }

    /** Keeps this instance's index current: every instance reads every product event (anonymous group). */
    @Bean
    public EventFunction indexProducts(ProductIndex index) {
        return EventFunction.on(EventTypes.PRODUCT_CHANGED,
                        event -> index.upsert(CatalogProduct.of(event.data()), event.data().version()))
                .and(EventTypes.PRODUCT_DELETED, event -> index.delete(event.data().sku(), event.data().version()));
    }

    @Bean
    AssistantHttp assistantHttp(ObjectMapper mapper, JsonBodies bodies, Function<ParseIntent, ParseResult> parseIntent,
                                Function<ExecuteRequest, ExecuteResult> executePlan,
                                PlanNotifications planNotifications) {
        return new AssistantHttp(mapper, bodies, parseIntent, executePlan, planNotifications);
    }
}
