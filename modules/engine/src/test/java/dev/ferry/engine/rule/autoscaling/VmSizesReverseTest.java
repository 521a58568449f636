package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The EC2 → Azure reverse lookups added to {@link VmSizes} for the EKS → AKS direction (EDGES.md §7.7). */
class VmSizesReverseTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "t3.medium,Standard_B2s,SAME_SHAPE", "m5.large,Standard_D2s_v3,SAME_SHAPE",
            "m5.xlarge,Standard_D4s_v3,SAME_SHAPE", "m6i.xlarge,Standard_D4s_v5,SAME_SHAPE",
            "r5.large,Standard_E2s_v3,SAME_SHAPE", "c5.large,Standard_F2s_v2,SAME_SHAPE",
            "c6i.8xlarge,Standard_F32s_v2,SAME_SHAPE", "r5.16xlarge,Standard_E64s_v3,CLOSEST",
            "p3.8xlarge,Standard_NC24s_v3,CLOSEST", "g4dn.xlarge,Standard_NC4as_T4_v3,CLOSEST",
            "m6a.2xlarge,Standard_D8as_v5,DERIVED", "m7g.xlarge,Standard_D4ps_v5,DERIVED",
            "r6i.24xlarge,Standard_E96s_v5,CLOSEST", "c7a.large,Standard_F2als_v6,DERIVED",
            "M5.XLARGE,Standard_D4s_v3,SAME_SHAPE"})
    void mapsEc2TypeToAzureSize(String ec2, String azure, VmSizes.Fit fit) {
        VmSizes.Match match = VmSizes.azureFor(ec2).orElseThrow();
        assertThat(match.azureSize()).isEqualTo(azure);
        assertThat(match.fit()).isEqualTo(fit);
    }

    @Test
    void returnsEmptyForUnknownTypes() {
        assertThat(VmSizes.azureFor("inf2.xlarge")).isEmpty();
        assertThat(VmSizes.azureFor("m5.medium")).isEmpty();
        assertThat(VmSizes.azureFor(null)).isEmpty();
    }

    @Test
    void mapsFamiliesToSeries() {
        assertThat(VmSizes.azureSeriesFor("m6i")).contains("Ds_v5");
        assertThat(VmSizes.azureSeriesFor("r7a")).contains("Fams_v6");
        assertThat(VmSizes.azureSeriesFor("zz9")).isEmpty();
    }
}
