package dev.lantern.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JAX-RS application at the server root. Protected resources are verified by MicroProfile JWT
 * (access tokens and API keys are both presented as bearer tokens).
 */
@ApplicationPath("/")
@LoginConfig(authMethod = "MP-JWT", realmName = "lantern")
@OpenAPIDefinition(info = @Info(title = "Lantern", version = "0.1.0",
        description = "An LLM server for Jakarta EE: OpenAI-compatible generation, documents and retrieval."))
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT or API key")
public class LanternApplication extends Application {
}
