import { IndicatorRowLabel as IndicatorRowLabel_ecaed80f6f1ac79f4577f0b2e60b079b } from '@/components/IndicatorRowLabel'
import { UnverifiedNotice as UnverifiedNotice_6ab4acac2f4529922bcec34892998b06 } from '@/components/UnverifiedNotice'
import { TryOutPanel as TryOutPanel_8af696ea90e49f5f67c738b05b1dc484 } from '@/components/TryOutPanel'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "@/components/IndicatorRowLabel#IndicatorRowLabel": IndicatorRowLabel_ecaed80f6f1ac79f4577f0b2e60b079b,
  "@/components/UnverifiedNotice#UnverifiedNotice": UnverifiedNotice_6ab4acac2f4529922bcec34892998b06,
  "@/components/TryOutPanel#TryOutPanel": TryOutPanel_8af696ea90e49f5f67c738b05b1dc484,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
