import { ScopedRelationCell as ScopedRelationCell_edaea1ce078b66de1ae474e5bfbe566f } from '@/components/admin/ScopedRelation'
import { ScopedRelationField as ScopedRelationField_edaea1ce078b66de1ae474e5bfbe566f } from '@/components/admin/ScopedRelation'
import { DocumentButtons as DocumentButtons_b8591ae485caed5e0e10e1c72903b31c } from '@/components/DocumentButtons'
import { RoundParticipation as RoundParticipation_2c04108d44abd7e33f3ba6db66f6b416 } from '@/components/RoundParticipation'
import { PlanRowLabel as PlanRowLabel_dbece951915b2157ed5f311a2e1aad5c } from '@/components/PlanRowLabel'
import { CopyRoundButton as CopyRoundButton_70ccd8ded3d45afcce0f32f20f36ae2b } from '@/components/CopyRoundButton'
import { SelfAssessmentResult as SelfAssessmentResult_0970b4d5f2f6d4222dca90b00b9fe711 } from '@/components/SelfAssessmentResult'
import { ConsolidationPanel as ConsolidationPanel_607103ff302f40e532f67805b9a37e4f } from '@/components/ConsolidationPanel'
import { NotApplicableNotice as NotApplicableNotice_44f71ef01570b0377188cc9f1a1c5405 } from '@/components/NotApplicableNotice'
import { RankSelect as RankSelect_82bce75b272b443a45c08e4cd136a5f9 } from '@/components/RankSelect'
import { AnswerRowLabel as AnswerRowLabel_fb7598412e2ec0f6e165160c6d133720 } from '@/components/AnswerRowLabel'
import { DossierSlotRowLabel as DossierSlotRowLabel_699e473cf6ff5968fe0e1e7cfd2241d1 } from '@/components/DossierSlotRowLabel'
import { WorkflowActions as WorkflowActions_7ad15db4696bd163dac46a1eabb18505 } from '@/components/WorkflowActions'
import { ReviewFromDossier as ReviewFromDossier_a0bdd47be105107a5993588a1a03a687 } from '@/components/review/ReviewFromDossier'
import { CorrectionPanel as CorrectionPanel_66afa7cbb07635c479d5a763b581b1fb } from '@/components/CorrectionPanel'
import { ExportLink as ExportLink_4d15262c582ac0eb813b1e570e6538a7 } from '@/components/admin/ExportLink'
import { AllMetButton as AllMetButton_828fa8c7e84a356fdc0b1b024f4227c7 } from '@/components/review/AllMetButton'
import { UnitEvidenceNote as UnitEvidenceNote_6eed04ca57574fd335587f9d3e32c009 } from '@/components/review/UnitEvidenceNote'
import { VerdictRowLabel as VerdictRowLabel_74526309cdf12a506149357eeeca6b48 } from '@/components/VerdictRowLabel'
import { RecommendationCheck as RecommendationCheck_786633548a3fb0a01717c27d1d3f1830 } from '@/components/review/RecommendationCheck'
import { IssueDecisionNotice as IssueDecisionNotice_7e26d341fa873fe9a2fcc68b1755078d } from '@/components/IssueDecisionNotice'
import { DecisionEntryRowLabel as DecisionEntryRowLabel_80782f0c720b064a21f22ecb35b63f00 } from '@/components/DecisionEntryRowLabel'
import { DocumentModel as DocumentModel_c4ba7d715260fa6aecbb5119f514129a } from '@/components/DocumentModel'
import { AuthorityBoundaryPanel as AuthorityBoundaryPanel_35628292d27a0ad68e18c6defff49a18 } from '@/components/admin/BoundaryPanel'
import { UnitBoundaryPanel as UnitBoundaryPanel_35628292d27a0ad68e18c6defff49a18 } from '@/components/admin/BoundaryPanel'
import { UnitImportPanel as UnitImportPanel_5a322749d970641a71551a2df90bec22 } from '@/components/admin/UnitImportPanel'
import { CatalogueCodeCell as CatalogueCodeCell_47402d1b3ba80ce3f22d40a12ba9bf77 } from '@/components/admin/CatalogueCodeCell'
import { IndicatorRowLabel as IndicatorRowLabel_ecaed80f6f1ac79f4577f0b2e60b079b } from '@/components/IndicatorRowLabel'
import { CopySetButton as CopySetButton_e26de02502287ee57802d8eb8f5d3bdb } from '@/components/CopySetButton'
import { UnverifiedNotice as UnverifiedNotice_6ab4acac2f4529922bcec34892998b06 } from '@/components/UnverifiedNotice'
import { TryOutPanel as TryOutPanel_8af696ea90e49f5f67c738b05b1dc484 } from '@/components/TryOutPanel'
import { AuditValueCell as AuditValueCell_37dca97f177721e23151527d7c8fea50 } from '@/components/admin/AuditValue'
import { AuditValueField as AuditValueField_37dca97f177721e23151527d7c8fea50 } from '@/components/admin/AuditValue'
import { ResendButton as ResendButton_e1af680b939d244ee110675e3d9164d2 } from '@/components/admin/ResendButton'
import { RoleNav as RoleNav_4b13a934ad01a87158b22be348e7287d } from '@/components/admin/RoleNav'
import { AppIcon as AppIcon_e60daefd9ca0ae7722c67ce9a39e1dd6 } from '@/components/admin/Graphics'
import { AppLogo as AppLogo_e60daefd9ca0ae7722c67ce9a39e1dd6 } from '@/components/admin/Graphics'
import { NotificationBell as NotificationBell_a85350652356ec53eeb8176045ede954 } from '@/components/admin/NotificationBell'
import { Dashboard as Dashboard_36619916dca240e7e246411f6d4228a9 } from '@/components/dashboard/Dashboard'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@/components/admin/ScopedRelation#ScopedRelationCell": ScopedRelationCell_edaea1ce078b66de1ae474e5bfbe566f,
  "@/components/admin/ScopedRelation#ScopedRelationField": ScopedRelationField_edaea1ce078b66de1ae474e5bfbe566f,
  "@/components/DocumentButtons#DocumentButtons": DocumentButtons_b8591ae485caed5e0e10e1c72903b31c,
  "@/components/RoundParticipation#RoundParticipation": RoundParticipation_2c04108d44abd7e33f3ba6db66f6b416,
  "@/components/PlanRowLabel#PlanRowLabel": PlanRowLabel_dbece951915b2157ed5f311a2e1aad5c,
  "@/components/CopyRoundButton#CopyRoundButton": CopyRoundButton_70ccd8ded3d45afcce0f32f20f36ae2b,
  "@/components/SelfAssessmentResult#SelfAssessmentResult": SelfAssessmentResult_0970b4d5f2f6d4222dca90b00b9fe711,
  "@/components/ConsolidationPanel#ConsolidationPanel": ConsolidationPanel_607103ff302f40e532f67805b9a37e4f,
  "@/components/NotApplicableNotice#NotApplicableNotice": NotApplicableNotice_44f71ef01570b0377188cc9f1a1c5405,
  "@/components/RankSelect#RankSelect": RankSelect_82bce75b272b443a45c08e4cd136a5f9,
  "@/components/AnswerRowLabel#AnswerRowLabel": AnswerRowLabel_fb7598412e2ec0f6e165160c6d133720,
  "@/components/DossierSlotRowLabel#DossierSlotRowLabel": DossierSlotRowLabel_699e473cf6ff5968fe0e1e7cfd2241d1,
  "@/components/WorkflowActions#WorkflowActions": WorkflowActions_7ad15db4696bd163dac46a1eabb18505,
  "@/components/review/ReviewFromDossier#ReviewFromDossier": ReviewFromDossier_a0bdd47be105107a5993588a1a03a687,
  "@/components/CorrectionPanel#CorrectionPanel": CorrectionPanel_66afa7cbb07635c479d5a763b581b1fb,
  "@/components/admin/ExportLink#ExportLink": ExportLink_4d15262c582ac0eb813b1e570e6538a7,
  "@/components/review/AllMetButton#AllMetButton": AllMetButton_828fa8c7e84a356fdc0b1b024f4227c7,
  "@/components/review/UnitEvidenceNote#UnitEvidenceNote": UnitEvidenceNote_6eed04ca57574fd335587f9d3e32c009,
  "@/components/VerdictRowLabel#VerdictRowLabel": VerdictRowLabel_74526309cdf12a506149357eeeca6b48,
  "@/components/review/RecommendationCheck#RecommendationCheck": RecommendationCheck_786633548a3fb0a01717c27d1d3f1830,
  "@/components/IssueDecisionNotice#IssueDecisionNotice": IssueDecisionNotice_7e26d341fa873fe9a2fcc68b1755078d,
  "@/components/DecisionEntryRowLabel#DecisionEntryRowLabel": DecisionEntryRowLabel_80782f0c720b064a21f22ecb35b63f00,
  "@/components/DocumentModel#DocumentModel": DocumentModel_c4ba7d715260fa6aecbb5119f514129a,
  "@/components/admin/BoundaryPanel#AuthorityBoundaryPanel": AuthorityBoundaryPanel_35628292d27a0ad68e18c6defff49a18,
  "@/components/admin/BoundaryPanel#UnitBoundaryPanel": UnitBoundaryPanel_35628292d27a0ad68e18c6defff49a18,
  "@/components/admin/UnitImportPanel#UnitImportPanel": UnitImportPanel_5a322749d970641a71551a2df90bec22,
  "@/components/admin/CatalogueCodeCell#CatalogueCodeCell": CatalogueCodeCell_47402d1b3ba80ce3f22d40a12ba9bf77,
  "@/components/IndicatorRowLabel#IndicatorRowLabel": IndicatorRowLabel_ecaed80f6f1ac79f4577f0b2e60b079b,
  "@/components/CopySetButton#CopySetButton": CopySetButton_e26de02502287ee57802d8eb8f5d3bdb,
  "@/components/UnverifiedNotice#UnverifiedNotice": UnverifiedNotice_6ab4acac2f4529922bcec34892998b06,
  "@/components/TryOutPanel#TryOutPanel": TryOutPanel_8af696ea90e49f5f67c738b05b1dc484,
  "@/components/admin/AuditValue#AuditValueCell": AuditValueCell_37dca97f177721e23151527d7c8fea50,
  "@/components/admin/AuditValue#AuditValueField": AuditValueField_37dca97f177721e23151527d7c8fea50,
  "@/components/admin/ResendButton#ResendButton": ResendButton_e1af680b939d244ee110675e3d9164d2,
  "@/components/admin/RoleNav#RoleNav": RoleNav_4b13a934ad01a87158b22be348e7287d,
  "@/components/admin/Graphics#AppIcon": AppIcon_e60daefd9ca0ae7722c67ce9a39e1dd6,
  "@/components/admin/Graphics#AppLogo": AppLogo_e60daefd9ca0ae7722c67ce9a39e1dd6,
  "@/components/admin/NotificationBell#NotificationBell": NotificationBell_a85350652356ec53eeb8176045ede954,
  "@/components/dashboard/Dashboard#Dashboard": Dashboard_36619916dca240e7e246411f6d4228a9,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
