package dev.cairn.tests;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** Runs a test class once per store and execution mode. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
@ParameterizedClass(name = "[{index}] {0} store, {1}")
@MethodSource("dev.cairn.tests.EngineTestBase#configurations")
public @interface EngineMatrix {}
