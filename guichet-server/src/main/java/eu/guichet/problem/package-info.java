/**
 * The error contract shared by every module: a few unchecked exceptions, each mapped to an HTTP status and
 * rendered as an RFC 9457 problem document with a stable {@code code}.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package eu.guichet.problem;
