package dev.ferry.engine.rule.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every row of EDGES.md §7.7 as Ferry implements it, plus the family-table derivation. */
class VmSizesTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "Standard_B2s,t3.medium,SAME_SHAPE", "Standard_B2ms,t3.large,SAME_SHAPE",
            "Standard_B4ms,t3.xlarge,SAME_SHAPE", "Standard_B8ms,t3.2xlarge,SAME_SHAPE",
            "Standard_DS2_v2,m5.large,CLOSEST",
            "Standard_D2s_v3,m5.large,SAME_SHAPE", "Standard_D2s_v4,m5.large,SAME_SHAPE", "Standard_D2s_v5,m6i.large,SAME_SHAPE",
            "Standard_D4s_v3,m5.xlarge,SAME_SHAPE", "Standard_D4s_v5,m6i.xlarge,SAME_SHAPE",
            "Standard_D8s_v4,m5.2xlarge,SAME_SHAPE", "Standard_D8s_v5,m6i.2xlarge,SAME_SHAPE",
            "Standard_D16s_v3,m5.4xlarge,SAME_SHAPE", "Standard_D16s_v5,m6i.4xlarge,SAME_SHAPE",
            "Standard_D32s_v3,m5.8xlarge,SAME_SHAPE", "Standard_D32s_v5,m6i.8xlarge,SAME_SHAPE",
            "Standard_D48s_v3,m5.12xlarge,SAME_SHAPE", "Standard_D48s_v5,m6i.12xlarge,SAME_SHAPE",
            "Standard_D64s_v3,m5.16xlarge,SAME_SHAPE", "Standard_D64s_v5,m6i.16xlarge,SAME_SHAPE",
            "Standard_D96s_v5,m6i.24xlarge,SAME_SHAPE",
            "Standard_E2s_v3,r5.large,SAME_SHAPE", "Standard_E2s_v5,r6i.large,SAME_SHAPE",
            "Standard_E4s_v3,r5.xlarge,SAME_SHAPE", "Standard_E4s_v5,r6i.xlarge,SAME_SHAPE",
            "Standard_E8s_v3,r5.2xlarge,SAME_SHAPE", "Standard_E8s_v5,r6i.2xlarge,SAME_SHAPE",
            "Standard_E16s_v3,r5.4xlarge,SAME_SHAPE", "Standard_E16s_v5,r6i.4xlarge,SAME_SHAPE",
            "Standard_E32s_v3,r5.8xlarge,SAME_SHAPE", "Standard_E32s_v5,r6i.8xlarge,SAME_SHAPE",
            "Standard_E48s_v3,r5.12xlarge,SAME_SHAPE", "Standard_E48s_v5,r6i.12xlarge,SAME_SHAPE",
            "Standard_E64s_v3,r5.16xlarge,CLOSEST", "Standard_E64s_v5,r6i.16xlarge,SAME_SHAPE",
            "Standard_E96s_v5,r6i.24xlarge,CLOSEST",
            "Standard_F2s_v2,c5.large,SAME_SHAPE", "Standard_F4s_v2,c5.xlarge,SAME_SHAPE",
            "Standard_F8s_v2,c5.2xlarge,SAME_SHAPE", "Standard_F16s_v2,c5.4xlarge,SAME_SHAPE",
            "Standard_F32s_v2,c6i.8xlarge,SAME_SHAPE", "Standard_F48s_v2,c5.12xlarge,SAME_SHAPE",
            "Standard_F64s_v2,c6i.16xlarge,SAME_SHAPE", "Standard_F72s_v2,c5.18xlarge,SAME_SHAPE",
            "Standard_NC6s_v3,p3.2xlarge,CLOSEST", "Standard_NC12s_v3,p3.8xlarge,CLOSEST",
            "Standard_NC24s_v3,p3.8xlarge,CLOSEST", "Standard_NC4as_T4_v3,g4dn.xlarge,CLOSEST",
            "Standard_NC8as_T4_v3,g4dn.2xlarge,CLOSEST", "Standard_NC16as_T4_v3,g4dn.4xlarge,CLOSEST",
            "Standard_NC64as_T4_v3,g4dn.12xlarge,CLOSEST", "Standard_NV36ads_A10_v5,g5.8xlarge,CLOSEST",
            "Standard_NC24ads_A100_v4,p4de.24xlarge,CLOSEST", "Standard_ND96asr_v4,p4d.24xlarge,CLOSEST",
            "Standard_ND96isr_H100_v5,p5.48xlarge,CLOSEST",
            // family table (derived): Ddsv4, Ddsv5, Dasv5, Dsv6, Dasv6, Dpsv5, Dpsv6, Edsv4, Edsv5, Easv5, Esv6, F v6
            "Standard_D4ds_v4,m5d.xlarge,DERIVED", "Standard_D4ds_v5,m6id.xlarge,DERIVED",
            "Standard_D4as_v5,m6a.xlarge,DERIVED", "Standard_D4s_v6,m7i.xlarge,DERIVED",
            "Standard_D4as_v6,m7a.xlarge,DERIVED", "Standard_D4ps_v5,m7g.xlarge,DERIVED",
            "Standard_D4ps_v6,m8g.xlarge,DERIVED", "Standard_E4ds_v4,r5d.xlarge,DERIVED",
            "Standard_E4ds_v5,r6id.xlarge,DERIVED", "Standard_E4as_v5,r6a.xlarge,DERIVED",
            "Standard_E4s_v6,r7i.xlarge,DERIVED", "Standard_E4s_v4,r5.xlarge,DERIVED",
            "Standard_F4als_v6,c7a.xlarge,DERIVED", "Standard_F4as_v6,m7a.xlarge,DERIVED",
            "Standard_F4ams_v6,r7a.xlarge,DERIVED", "standard_d4_v5,m6i.xlarge,DERIVED"})
    void mapsAzureSizeToEc2Type(String azure, String ec2, VmSizes.Fit fit) {
        assertThat(VmSizes.ec2For(azure)).hasValueSatisfying(m -> {
            assertThat(m.ec2Type()).isEqualTo(ec2);
            assertThat(m.fit()).isEqualTo(fit);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Standard_A4_v2", "Standard_L8s_v3", "Standard_D3s_v5", "Standard_M128s", "m6i.xlarge", ""})
    void unknownSizesHaveNoMatch(String size) {
        assertThat(VmSizes.ec2For(size)).isEmpty();
    }
}
