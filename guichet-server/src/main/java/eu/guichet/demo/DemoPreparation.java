package eu.guichet.demo;

/** The demo module's API: how far demo preparation has come. Outside demo mode, nothing to prepare. */
public interface DemoPreparation {
    DemoProgress progress();
}
