package cn.cfp.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Pages show display names (issue 8 item 17); within one request each name is read once (no N+1 per table row). */
class PersonNamesTest {

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    @Test
    void a_page_listing_one_person_a_hundred_times_looks_the_person_up_once() {
        UserDirectory directory = mock(UserDirectory.class);
        UserView pm = mock(UserView.class);
        when(pm.displayName()).thenReturn("项目经理 李强");
        when(directory.findByUsername("pm")).thenReturn(Optional.of(pm));
        when(directory.findByUsername("gone")).thenReturn(Optional.empty());
        PersonNames names = new PersonNames(directory);

        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        for (int i = 0; i < 100; i++) {
            assertThat(names.name("pm")).isEqualTo("项目经理 李强");
        }
        assertThat(names.name("gone")).isEqualTo("—");
        assertThat(names.name(" ")).isEmpty();
        verify(directory, times(1)).findByUsername("pm");

        // the next request reads again (a renamed person shows the new name)
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        names.name("pm");
        verify(directory, times(2)).findByUsername("pm");
        // outside a request (a notice being rendered by a job) every call reads
        RequestContextHolder.resetRequestAttributes();
        names.name("pm");
        names.name("pm");
        verify(directory, times(4)).findByUsername("pm");
    }
}
