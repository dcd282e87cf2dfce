package eu.guichet.workspace.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Workspaces' settings, from {@code guichet.workspace.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WorkspaceProperties.class)
@EnableScheduling
class WorkspaceConfiguration {
}
