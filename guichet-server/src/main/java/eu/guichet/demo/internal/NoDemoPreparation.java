package eu.guichet.demo.internal;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import eu.guichet.demo.DemoPreparation;
import eu.guichet.demo.DemoProgress;

/** Outside demo mode there is nothing to prepare. */
@Component
@Profile("!demo")
class NoDemoPreparation implements DemoPreparation {
    @Override
    public DemoProgress progress() {
        return DemoProgress.notDemo();
    }
}
