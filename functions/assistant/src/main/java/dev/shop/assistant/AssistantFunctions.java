package dev.shop.assistant;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shop.assistant.domain.ParseIntent;
import dev.shop.assistant.conversation.AssistantService;
import dev.shop.assistant.execute.PlanExecutor;
import dev.shop.assistant.domain.ExecuteRequest;
import dev.shop.assistant.domain.ExecuteResult;
import dev.shop.assistant.domain.GetPlan;
import dev.shop.assistant.domain.PlanView;
import dev.shop.assistant.execute.Plans;
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
import dev.shop.runtime.crac.CracResources;
import dev.shop.runtime.invocation.ScheduledFunction;
import dev.shop.runtime.http.JsonBodies;
import dev.shop.runtime.invocation.EventFunction;
import dev.shop.runtime.manifest.FunctionManifest;
import dev.shop.runtime.outbox.Outbox;
import dev.shop.runtime.redis.RedisConnection;
import org.jdbi.v3.core.Jdbi;
import org.springframework.beans.factory.ObjectProvider;
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
    CatalogWarmUp catalogWarmUp(ShopApi api, ProductIndex index, ObjectMapper mapper) {
        return new CatalogWarmUp(api, index, mapper, Duration.ofSeconds(30), Clock.systemUTC());
    }

    @Bean
    AssistantService assistantService(IntentParser parser, SessionStore sessions, CatalogWarmUp warmUp,
                                      @Value("${shop.assistant.warm-from-catalog:false}") boolean warmFromCatalog) {
        if (!warmFromCatalog) {
            return new AssistantService(parser, sessions);
        }
        return new AssistantService(parser, sessions, warmUp::ensureLoaded);
    }

    /**
     * The shop's API at the configured base URL (the HTTP API's, on AWS), a CRaC resource: its client closes
     * before a checkpoint and is made anew after the restore. With warm-from-catalog (Lambda) the restore then
     * reads the catalog again, so the index is not as old as the snapshot. Redis is one already (runtime-redis).
     */
    @Bean
    ShopApi shopApi(ObjectMapper mapper, ShopProperties shop, CracResources crac, ProductIndex index,
                    ObjectProvider<CatalogWarmUp> warmUp,
                    @Value("${shop.assistant.api-base-url:http://localhost:8080}") String baseUrl,
                    @Value("${shop.assistant.warm-from-catalog:false}") boolean warmFromCatalog) {
        ShopApi api = new ShopApi(baseUrl, mapper, shop.adminToken(), 4, Duration.ofMillis(100));
        crac.add(api);
        crac.add(new CracResources.CheckpointAware() {
            public String name() {
                return "product-index";
            }

            public void suspend() {
                // the index is memory only; it is brought up to date after the restore
            }

            public void resume() {
                if (warmFromCatalog || index.size() == 0) {
                    warmUp.getObject().refresh();
                }
            }
        });
        return api;
    }

    @Bean
    Plans plans(Jdbi jdbi, ObjectMapper mapper) {
        return new Plans(jdbi, mapper);
    }

    /** executePlan answers within {@code plan-budget} (API Gateway allows 30 s; the function's timeout is 30 s). */
    @Bean
    PlanExecutor planExecutor(ShopApi api, AssistantService assistant, ProductIndex index, Plans plans,
                              PlanNotifications notifications, Clock clock,
                              @Value("${shop.assistant.plan-budget:20s}") Duration budget) {
        return new PlanExecutor(api, assistant, index, plans, budget, clock, notifications::finished);
    }

    @Bean
    public Function<GetPlan, Optional<PlanView>> getPlan(PlanExecutor executor) {
        return query -> executor.resume(query.planId(), query.atMost());
    }

    /** Finishes plans that outlived their request and nobody polls; a schedule invokes it in the cloud. */
    @Bean
    public ScheduledFunction resumePlans(PlanExecutor executor) {
        return ScheduledFunction.of(executor::resumeRunning);
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
                                PlanExecutor executor, Function<GetPlan, Optional<PlanView>> getPlan,
                                PlanNotifications planNotifications) {
        return new AssistantHttp(mapper, bodies, parseIntent, executor::execute, getPlan, planNotifications);
    }
}
