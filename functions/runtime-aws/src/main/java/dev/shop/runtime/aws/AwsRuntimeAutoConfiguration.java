package dev.shop.runtime.aws;

import dev.shop.runtime.config.RuntimeAutoConfiguration;
import dev.shop.runtime.http.HttpApi;
import dev.shop.runtime.invocation.Invocations;
import dev.shop.runtime.manifest.FunctionManifest;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * The module's Lambda entry points, named as Terraform names them: the manifest's {@code httpHandler} (API Gateway
 * HTTP API, payload 2.0), {@code <httpHandler>Rest} (REST API, payload 1.0, for LocalStack's community edition) and
 * {@link KafkaBatchFunction#NAME} (MSK batches). Each is a thin face over the runtime's invocation layer.
 */
@AutoConfiguration(after = RuntimeAutoConfiguration.class)
public class AwsRuntimeAutoConfiguration {

    @Bean
    static BeanDefinitionRegistryPostProcessor lambdaEntryPoints() {
        return new LambdaEntryPoints();
    }

    /** Registers the entry points under the names the manifest gives this module. */
    static final class LambdaEntryPoints implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            String module = environment.getProperty("shop.module");
            BeanFactory beans = (BeanFactory) registry;
            if (module != null) {
                String handler = FunctionManifest.load().module(module).httpHandler();
                registry.registerBeanDefinition(handler, new RootBeanDefinition(ApiGatewayHttpFunction.class,
                        () -> new ApiGatewayHttpFunction(beans.getBean(HttpApi.class))));
                registry.registerBeanDefinition(handler + ApiGatewayRestFunction.SUFFIX,
                        new RootBeanDefinition(ApiGatewayRestFunction.class,
                                () -> new ApiGatewayRestFunction(beans.getBean(HttpApi.class))));
            }
            registry.registerBeanDefinition(KafkaBatchFunction.NAME, new RootBeanDefinition(KafkaBatchFunction.class,
                    () -> new KafkaBatchFunction(beans.getBean(Invocations.class),
                            environment.getProperty("shop.function"))));
        }
    }
}
