package dev.shop.runtime.aws;

import dev.shop.runtime.config.RuntimeAutoConfiguration;
import dev.shop.runtime.manifest.FunctionManifest;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
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

    /**
     * Registers the entry points under the names the manifest gives this module: plain definitions with autowired
     * constructors, no instance suppliers, so Spring AOT can generate code for them.
     */
    static final class LambdaEntryPoints implements BeanDefinitionRegistryPostProcessor, EnvironmentAware {

        private Environment environment;

        @Override
        public void setEnvironment(Environment environment) {
            this.environment = environment;
        }

        private static RootBeanDefinition constructorAutowired(Class<?> type) {
            RootBeanDefinition definition = new RootBeanDefinition(type);
            definition.setAutowireMode(AbstractBeanDefinition.AUTOWIRE_CONSTRUCTOR);
            return definition;
        }

        @Override
        public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
            String module = environment.getProperty("shop.module");
            if (module != null) {
                String handler = FunctionManifest.load().module(module).httpHandler();
                registry.registerBeanDefinition(handler, constructorAutowired(ApiGatewayHttpFunction.class));
                registry.registerBeanDefinition(handler + ApiGatewayRestFunction.SUFFIX,
                        constructorAutowired(ApiGatewayRestFunction.class));
            }
            registry.registerBeanDefinition(KafkaBatchFunction.NAME, constructorAutowired(KafkaBatchFunction.class));
        }
    }
}
