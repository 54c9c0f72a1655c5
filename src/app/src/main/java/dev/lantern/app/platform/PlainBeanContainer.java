package dev.lantern.app.platform;

import org.hibernate.resource.beans.container.spi.BeanContainer;
import org.hibernate.resource.beans.container.spi.ContainedBean;
import org.hibernate.resource.beans.spi.BeanInstanceProducer;

/**
 * Hibernate's bean container (persistence.xml, {@code hibernate.resource.beans.container}): plain instances
 * made by Hibernate's own producer, never CDI. Liberty creates the persistence unit before CDI is ready, and
 * with Liberty's bean manager Hibernate Search's boot failed resolving its analysis configurer ("CDI
 * BeanManager not (yet) ready to use"). No Lantern entity needs CDI in converters or listeners.
 */
public class PlainBeanContainer implements BeanContainer {

    @Override
    public <B> ContainedBean<B> getBean(Class<B> beanType, LifecycleOptions options, BeanInstanceProducer producer) {
        B bean = producer.produceBeanInstance(beanType);
        return () -> bean;
    }

    @Override
    public <B> ContainedBean<B> getBean(String name, Class<B> beanType, LifecycleOptions options,
            BeanInstanceProducer producer) {
        B bean = producer.produceBeanInstance(name, beanType);
        return () -> bean;
    }

    @Override
    public void stop() {
        // nothing is cached
    }
}
