package cn.cfp.web.internal;

import java.time.Duration;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/** Chinese by default; {@code ?lang=en} switches to English and is remembered in a cookie; API clients may send Accept-Language. */
@Configuration(proxyBeanMethods = false)
class LocaleConfig implements WebMvcConfigurer {

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("cfp-lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        // pages speak Chinese unless English is chosen; an API client may ask with Accept-Language
        resolver.setDefaultLocaleFunction(request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/")
                && request.getHeader("Accept-Language") != null && "en".equals(request.getLocale().getLanguage())
                ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
