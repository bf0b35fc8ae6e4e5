package cn.cfp.party;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.cfp.shared.Refusal;
import org.junit.jupiter.api.Test;

/** R-PTY-1: unified social credit codes are checked with the GB 32100-2015 check character. */
class CreditCodeTest {

    @Test
    void the_check_character_follows_gb_32100_worked_by_hand() {
        // 91110108MA01ABCD5: values 9,1,1,1,0,1,0,8,21(M),10(A),0,1,10(A),11(B),12(C),13(D),5
        // weights 1,3,9,27,19,26,16,17,20,29,25,13,8,24,10,30,28 -> sum 9+3+9+27+0+26+0+136+420+290+0+13+80+264+120+390+140 = 1927
        // 1927 mod 31 = 5; 31 - 5 = 26 -> charset[26] = 'T'
        assertThat(CreditCode.checkCharacter("91110108MA01ABCD5")).isEqualTo('T');
        assertThat(new CreditCode("91110108ma01abcd5t").value()).isEqualTo("91110108MA01ABCD5T");
    }

    @Test
    void a_wrong_check_character_is_refused_naming_the_expected_one() {
        assertThatThrownBy(() -> new CreditCode("91110108MA01ABCD5E")).isInstanceOfSatisfying(Refusal.class, r -> {
            assertThat(cn.cfp.Messages.codes(r)).containsExactly("party.creditCode.check");
            assertThat(cn.cfp.Messages.english(r).get(0)).contains("should be 'T'");
            assertThat(cn.cfp.Messages.chinese(r).get(0)).contains("应为“T”");
        });
    }

    @Test
    void forbidden_letters_and_wrong_lengths_are_refused() {
        assertThatThrownBy(() -> new CreditCode("91110108MA01ABCDOT")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(cn.cfp.Messages.english(r).get(0)).contains("character 17 ('O')"));
        assertThatThrownBy(() -> new CreditCode("9111010")).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(cn.cfp.Messages.english(r).get(0)).contains("has 7 characters"));
        assertThatThrownBy(() -> new CreditCode(null)).isInstanceOf(Refusal.class);
    }
}
